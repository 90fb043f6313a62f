using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Bucket = Jewelry.ServiceDefaults.S3.S3Bucket;

namespace Jewelry.CrmApi.Models;

/// <summary>Looks for order models in the <c>models</c> bucket.</summary>
public sealed class ModelStore(IAmazonS3 s3, S3Bucket bucket)
{
    public string BucketName => bucket.Name;

    /// <summary>A HEAD request: proves the object is there without downloading it.</summary>
    public async Task<ModelPresence> CheckAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket.Name, Key = key }, cancellationToken);
            return ModelPresence.Present;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return ModelPresence.Missing;
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ModelPresence.StoreUnavailable;
        }
    }
}
