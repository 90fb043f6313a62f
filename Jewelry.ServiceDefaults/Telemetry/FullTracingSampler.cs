using OpenTelemetry.Trace;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Samples every span of a trace marked for full tracing, whatever the ratio: the mark is the W3C
/// <c>tracestate</c> entry <c>jewelry=full</c>, which support engineers send with a request
/// (<c>traceparent</c> + <c>tracestate: jewelry=full</c>) and which then travels with the trace over
/// HTTP, through the outbox and over RabbitMQ. Everything else is left to the configured sampler.
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
        var traceState = samplingParameters.ParentContext.TraceState;
        return IsMarked(traceState)
            ? new SamplingResult(SamplingDecision.RecordAndSample, traceState)
            : _inner.ShouldSample(samplingParameters);
    }
}
