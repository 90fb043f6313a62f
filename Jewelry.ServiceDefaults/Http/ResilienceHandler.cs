using Polly;

namespace Jewelry.ServiceDefaults.Http;

/// <summary>
/// Runs each asynchronous request through the shared resilience pipeline. Synchronous sends pass
/// straight through: only the OTLP exporter uses them, and it has its own retries and timeout.
/// Retried requests are sent again as they are, so their content must be re-readable (string, bytes, JSON).
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipeline.RequestKey, request);

        try
        {
            return await pipeline.ExecuteAsync(
                async attempt => await base.SendAsync(request, attempt.CancellationToken),
                context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
