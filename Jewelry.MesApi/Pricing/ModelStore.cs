using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using S3Bucket = Jewelry.ServiceDefaults.S3.S3Bucket;
using S3Unavailable = Jewelry.ServiceDefaults.S3.S3Unavailable;

namespace Jewelry.MesApi.Pricing;

/// <summary>The 3D models in the <c>models</c> bucket.</summary>
public sealed class ModelStore(IAmazonS3 s3, S3Bucket bucket, IOptions<MesOptions> options)
{
    public const string ContentType = "model/stl";

    /// <summary>Where a seller's model is kept: derived from ids only.</summary>
    public static string SellerModelKey(string clientId, Guid orderId) => $"sellers/{clientId}/{orderId:D}/model.stl";

    /// <summary>
    /// The model's bytes, or null when there is no such object. Larger than <see cref="MesOptions.MaxModelBytes"/>:
    /// <see cref="ModelTooLargeException"/>. A store that cannot be reached throws, so the caller can retry.
    /// </summary>
    public async Task<byte[]?> DownloadAsync(string key, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxModelBytes;
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket.Name, Key = key }, cancellationToken);
            if (response.ContentLength > maxBytes)
            {
                throw new ModelTooLargeException(maxBytes);
            }

            return await BoundedReader.ReadAllAsync(response.ResponseStream, maxBytes, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (IsMissingObject(ex))
        {
            return null;
        }
    }

    /// <summary>Stores a model; <see cref="ModelStoreUnavailableException"/> when the store cannot take it.</summary>
    public async Task UploadAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content, writable: false);
        try
        {
            await s3.PutObjectAsync(
                new PutObjectRequest { BucketName = bucket.Name, Key = key, InputStream = body, ContentType = ContentType },
                cancellationToken);
        }
        catch (Exception ex) when (S3Unavailable.Is(ex, cancellationToken))
        {
            throw new ModelStoreUnavailableException(ex);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket.Name, Key = key }, cancellationToken);

    // A missing bucket is also a 404, but it is the store's configuration that is wrong, not the order: retry.
    internal static bool IsMissingObject(AmazonS3Exception ex) =>
        ex.StatusCode == HttpStatusCode.NotFound && !string.Equals(ex.ErrorCode, "NoSuchBucket", StringComparison.Ordinal);
}
