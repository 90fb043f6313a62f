using OpenTelemetry.Trace;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Samples every span of a trace marked for full tracing, whatever the ratio: the mark is the W3C
/// <c>tracestate</c> entry <c>jewelry=full</c>, which support engineers send with a request
/// (<c>traceparent</c> + <c>tracestate: jewelry=full</c>) and which then travels with the trace over
/// HTTP, through the outbox and over RabbitMQ. A span under a local parent that is not recorded is dropped with it:
/// that parent was filtered out (the health probes), and Aspire runs services with <c>OTEL_TRACES_SAMPLER=always_on</c>,
/// which would otherwise export the probes' database and S3 calls as traces without a root every few seconds.
/// Everything else is left to the configured sampler.
/// </summary>
public sealed class FullTracingSampler : Sampler
{
    public const string TraceStateEntry = "jewelry=full";

    private readonly Sampler _inner;

    public FullTracingSampler(Sampler inner)
    {
        _inner = inner;
        Description = $"FullTracing{{{inner.Description}}}";
    }

    public static bool IsMarked(string? traceState) =>
        traceState is not null && traceState.Split(',', StringSplitOptions.TrimEntries).Contains(TraceStateEntry, StringComparer.Ordinal);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var parent = samplingParameters.ParentContext;
        if (IsMarked(parent.TraceState))
        {
            return new SamplingResult(SamplingDecision.RecordAndSample, parent.TraceState);
        }

        return parent.TraceId != default && !parent.IsRemote && !parent.TraceFlags.HasFlag(System.Diagnostics.ActivityTraceFlags.Recorded)
            ? new SamplingResult(SamplingDecision.Drop)
            : _inner.ShouldSample(samplingParameters);
    }
}
