using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Jewelry.ServiceDefaults.S3;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

/// <summary>Direct access to the S3 store, for injecting faults the APIs would never allow.</summary>
internal static class ModelStore
{
    public static async Task OverwriteAsync(StackFixture stack, Guid orderId, byte[] content)
    {
        var connection = S3ConnectionString.Parse(await stack.App.ConnectionStringAsync("models"));
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(connection.AccessKey, connection.SecretKey),
            new AmazonS3Config { ServiceURL = connection.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        using var body = new MemoryStream(content);
        await client.PutObjectAsync(
            new PutObjectRequest { BucketName = connection.Bucket, Key = $"orders/{orderId}/model.stl", InputStream = body, UseChunkEncoding = false },
            TestContext.Current.CancellationToken);
    }
}
