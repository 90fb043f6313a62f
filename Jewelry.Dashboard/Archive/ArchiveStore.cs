using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Archive;

/// <summary>The archive's bucket in the S3 store: objects written once, listed by day, read back.</summary>
public sealed class ArchiveStore(IAmazonS3 s3, IOptions<ArchiveOptions> options)
{
    private readonly string _bucket = options.Value.Bucket;
    private volatile bool _bucketReady;

    public string Bucket => _bucket;

    /// <summary>Writes <paramref name="content"/> (seekable, from its start) under the hour's first free key and returns that key; nothing is overwritten.</summary>
    public async Task<string> WriteOnceAsync(ArchiveSignal signal, DateTimeOffset hour, Stream content, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        for (var part = 0; ; part++)
        {
            var key = ArchiveKey.For(signal, hour, part);
            if (await ExistsAsync(key, cancellationToken))
            {
                continue;
            }

            await s3.PutObjectAsync(
                new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = content, AutoCloseStream = false, ContentType = "application/gzip" },
                cancellationToken);
            return key;
        }
    }

    public async Task<IReadOnlyList<string>> ListDayAsync(ArchiveSignal signal, DateTimeOffset day, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = ArchiveKey.DayPrefix(signal, day) };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return keys;
    }

    public async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(_bucket, key, cancellationToken);
        using var content = new MemoryStream();
        await response.ResponseStream.CopyToAsync(content, cancellationToken);
        return content.ToArray();
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(_bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketReady)
        {
            return;
        }

        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Made by an earlier run.
        }

        _bucketReady = true;
    }
}
