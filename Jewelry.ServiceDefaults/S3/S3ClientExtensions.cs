using Amazon.Runtime;
using Amazon.S3;
using Jewelry.ServiceDefaults.Configuration;
using Jewelry.ServiceDefaults.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class S3ClientExtensions
{
    /// <summary>
    /// Registers <see cref="IAmazonS3"/> and the <see cref="S3Bucket"/> for the S3-compatible store in
    /// <c>ConnectionStrings:{connectionName}</c>, with a readiness check named <paramref name="connectionName"/>
    /// unless <paramref name="checkHealth"/> is false (for a service that works on without the store).
    /// </summary>
    /// <remarks>
    /// Path-style addressing (the store is one host, not a bucket per subdomain). Every PutObject and
    /// UploadPart is sent with <c>UseChunkEncoding = false</c>: the client enforces it, because s3rver stores
    /// chunked bodies with their framing. TransferUtility and CopyObject do not work against s3rver; use
    /// PutObject, GetObject, HeadObject, ListObjectsV2, DeleteObject and presigned GETs.
    /// </remarks>
    public static void AddS3Client(this IHostApplicationBuilder builder, string connectionName, bool checkHealth = true)
    {
        builder.Services.AddSingleton(services =>
            S3ConnectionString.Parse(services.GetRequiredService<IConfiguration>().GetRequiredConnectionString(connectionName)));

        builder.Services.AddSingleton(services => new S3Bucket(services.GetRequiredService<S3ConnectionString>().Bucket));

        builder.Services.AddSingleton<IAmazonS3>(services =>
        {
            var connection = services.GetRequiredService<S3ConnectionString>();

            return new S3CompatibleClient(
                new BasicAWSCredentials(connection.AccessKey, connection.SecretKey),
                new AmazonS3Config
                {
                    ServiceURL = connection.Endpoint.ToString(),
                    ForcePathStyle = true,
                    AuthenticationRegion = "us-east-1",
                    // S3-compatible stores often lack the newer flexible checksums.
                    RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                    ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
                    ConnectTimeout = TimeSpan.FromSeconds(5),
                });
        });

        if (!checkHealth)
        {
            return;
        }

        builder.Services.AddHealthChecks().AddDependencyCheck(connectionName, services =>
            new S3BucketHealthCheck(services.GetRequiredService<IAmazonS3>(), services.GetRequiredService<S3Bucket>()));
    }
}
