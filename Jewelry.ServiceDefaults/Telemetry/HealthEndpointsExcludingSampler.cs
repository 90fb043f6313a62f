using System.Diagnostics;
using Jewelry.ServiceDefaults.Health;
using OpenTelemetry.Trace;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Drops the server spans of health probes, which the orchestrator sends every few seconds,
/// and leaves every other decision to the sampler it wraps (the SDK's choice: OTEL_TRACES_SAMPLER
/// or parent-based always-on). Spans under a dropped probe see an unsampled parent and are dropped too.
/// ASP.NET Core supplies <c>url.path</c> at creation once its activity data is not suppressed.
/// </summary>
internal sealed class HealthEndpointsExcludingSampler : Sampler
{
    private static readonly SamplingResult _drop = new(SamplingDecision.Drop);

    public HealthEndpointsExcludingSampler(Sampler inner)
    {
        Inner = inner;
        Description = $"HealthEndpointsExcluding{{{inner.Description}}}";
    }

    public Sampler Inner { get; }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        => samplingParameters.Kind == ActivityKind.Server && IsHealthProbe(samplingParameters.Tags)
            ? _drop
            : Inner.ShouldSample(samplingParameters);

    private static bool IsHealthProbe(IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        if (tags is null)
        {
            return false;
        }

        foreach (var (key, value) in tags)
        {
            if (key == "url.path")
            {
                return value is string path && HealthEndpoints.IsProbePath(path);
            }
        }

        return false;
    }
}
