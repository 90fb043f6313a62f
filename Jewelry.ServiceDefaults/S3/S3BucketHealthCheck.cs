using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.ServiceDefaults.S3;

/// <summary>
/// Asks for the bucket's location: cheap, and proves the store is up and the bucket exists.
/// (Not a one-key listing: s3rver on Node 20 fails every truncated ListObjectsV2 with a 500.)
/// </summary>
internal sealed class S3BucketHealthCheck(IAmazonS3 s3, S3Bucket bucket) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket.Name }, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception.Message, exception);
        }
    }
}
