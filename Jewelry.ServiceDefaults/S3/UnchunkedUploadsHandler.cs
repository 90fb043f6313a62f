using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3.Model;

namespace Jewelry.ServiceDefaults.S3;

/// <summary>
/// Sends every PutObject and UploadPart body unchunked (<c>UseChunkEncoding = false</c>).
/// s3rver, the local S3 store, saves aws-chunked framing as part of the object and still answers 200,
/// so a chunked upload silently corrupts the model. Enforced here so no call site can forget it.
/// </summary>
internal sealed class UnchunkedUploadsHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        DisableChunkEncoding(executionContext.RequestContext.OriginalRequest);
        base.InvokeSync(executionContext);
    }

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        DisableChunkEncoding(executionContext.RequestContext.OriginalRequest);
        return base.InvokeAsync<T>(executionContext);
    }

    internal static void DisableChunkEncoding(AmazonWebServiceRequest request)
    {
        switch (request)
        {
            case PutObjectRequest put:
                put.UseChunkEncoding = false;
                break;
            case UploadPartRequest part:
                part.UseChunkEncoding = false;
                break;
        }
    }
}
