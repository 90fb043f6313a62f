using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Jewelry.ServiceDefaults.S3;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

/// <summary>Direct access to the S3 store, for injecting faults the APIs would never allow and for looking into the bucket.</summary>
internal static class ModelStore
{
    public static async Task OverwriteAsync(StackFixture stack, Guid orderId, byte[] content)
    {
        var (client, bucket) = await ConnectAsync(stack.App);
        using (client)
        {
            using var body = new MemoryStream(content);
            await client.PutObjectAsync(
                new PutObjectRequest { BucketName = bucket, Key = $"orders/{orderId}/model.stl", InputStream = body, UseChunkEncoding = false },
                TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A client of the stack's S3 store, as the services are configured for it, and the bucket's name.</summary>
    public static async Task<(AmazonS3Client Client, string Bucket)> ConnectAsync(DistributedApplication app)
    {
        var connection = S3ConnectionString.Parse(await app.ConnectionStringAsync("models"));
        var client = new AmazonS3Client(
            new BasicAWSCredentials(connection.AccessKey, connection.SecretKey),
            new AmazonS3Config { ServiceURL = connection.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        return (client, connection.Bucket);
    }
}
