using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3.Model;

namespace Jewelry.ServiceDefaults.S3;

/// <summary>
/// One span per S3 call (the AWS SDK emits none of its own), outermost in the SDK pipeline so it is the
/// parent of the HTTP spans beneath, retries included: <c>rpc.system=aws-api</c>, <c>rpc.service=S3</c>,
/// <c>rpc.method</c>, <c>aws.s3.bucket</c>, <c>aws.s3.key</c> and the object's size.
/// </summary>
internal sealed class S3TracingHandler : PipelineHandler
{
    public const string SourceName = "Jewelry.S3";

    private static readonly ActivitySource s_source = new(SourceName);

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext.OriginalRequest;
        var method = OperationName(request);
        using var activity = s_source.StartActivity($"S3.{method}", ActivityKind.Client);
        if (activity is null)
        {
            return await base.InvokeAsync<T>(executionContext);
        }

        activity.SetTag("rpc.system", "aws-api");
        activity.SetTag("rpc.service", "S3");
        activity.SetTag("rpc.method", method);
        var (bucket, key, size) = Describe(request);
        activity.SetTag("aws.s3.bucket", bucket);
        activity.SetTag("aws.s3.key", key);
        activity.SetTag("aws.s3.object.size", size);
        try
        {
            var response = await base.InvokeAsync<T>(executionContext);
            if (executionContext.ResponseContext.Response is GetObjectResponse download)
            {
                activity.SetTag("aws.s3.object.size", download.ContentLength);
            }

            activity.SetTag("http.response.status_code", (int?)executionContext.ResponseContext.HttpResponse?.StatusCode);
            return response;
        }
        catch (Exception ex)
        {
            var status = ex is AmazonServiceException service ? (int)service.StatusCode : (int?)null;
            activity.SetTag("http.response.status_code", status);
            activity.SetTag("error.type", ex is AmazonServiceException { ErrorCode: { Length: > 0 } code } ? code : ex.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, $"S3 {method} failed: {ex.Message}");
            throw;
        }
    }

    public override void InvokeSync(IExecutionContext executionContext) =>
        throw new NotSupportedException("The S3 client is used asynchronously only.");

    private static string OperationName(object request)
    {
        var name = request.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }

    private static (string? Bucket, string? Key, long? Size) Describe(object request) => request switch
    {
        PutObjectRequest put => (put.BucketName, put.Key, put.InputStream is { CanSeek: true } stream ? stream.Length : null),
        GetObjectRequest get => (get.BucketName, get.Key, null),
        GetObjectMetadataRequest head => (head.BucketName, head.Key, null),
        DeleteObjectRequest delete => (delete.BucketName, delete.Key, null),
        ListObjectsV2Request list => (list.BucketName, list.Prefix, null),
        GetBucketLocationRequest location => (location.BucketName, null, null),
        _ => (null, null, null),
    };
}
