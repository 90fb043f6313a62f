using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;

namespace Jewelry.ServiceDefaults.S3;

/// <summary>An <see cref="AmazonS3Client"/> whose pipeline sends uploads unchunked (see <see cref="UnchunkedUploadsHandler"/>) and traces each call (<see cref="S3TracingHandler"/>).</summary>
internal sealed class S3CompatibleClient(AWSCredentials credentials, AmazonS3Config config)
    : AmazonS3Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerBefore<Marshaller>(new UnchunkedUploadsHandler());
        pipeline.AddHandler(new S3TracingHandler());
    }
}
