using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using S3Bucket = Jewelry.ServiceDefaults.S3.S3Bucket;

namespace Jewelry.ShopApi.Models;

/// <summary>Writes order models to the <c>models</c> bucket.</summary>
public sealed class ModelStore(IAmazonS3 s3, S3Bucket bucket)
{
    public const string StlContentType = "model/stl";

    /// <summary>Stores (or replaces) the object; the client sends it unchunked, which s3rver needs.</summary>
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

        await s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket.Name,
                Key = key,
                InputStream = stream,
                AutoCloseStream = false,
                ContentType = StlContentType,
            },
            cancellationToken);
    }
}
