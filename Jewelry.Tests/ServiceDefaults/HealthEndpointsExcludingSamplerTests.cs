using System.Diagnostics;
using Jewelry.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace Jewelry.Tests.ServiceDefaults;

public sealed class HealthEndpointsExcludingSamplerTests
{
    private sealed class RecordingSampler : Sampler
    {
        public int Calls { get; private set; }

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            Calls++;
            return new SamplingResult(SamplingDecision.RecordAndSample);
        }
    }

    private static SamplingParameters Request(ActivityKind kind, string path)
        => new(default, ActivityTraceId.CreateRandom(), "Microsoft.AspNetCore.Hosting.HttpRequestIn", kind, [new("url.path", path)]);

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public void Health_probes_are_dropped_without_asking_the_inner_sampler(string path)
    {
        var inner = new RecordingSampler();
        var sampler = new HealthEndpointsExcludingSampler(inner);

        var result = sampler.ShouldSample(Request(ActivityKind.Server, path));

        Assert.Equal(SamplingDecision.Drop, result.Decision);
        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public void Every_other_span_is_the_inner_samplers_decision()
    {
        var inner = new RecordingSampler();
        var sampler = new HealthEndpointsExcludingSampler(inner);

        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(Request(ActivityKind.Server, "/orders")).Decision);
        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(Request(ActivityKind.Client, "/health")).Decision);
        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "work", ActivityKind.Internal)).Decision);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public void Describes_itself_with_the_sampler_it_wraps()
        => Assert.Equal(
            "HealthEndpointsExcluding{ParentBased{AlwaysOnSampler}}",
            new HealthEndpointsExcludingSampler(new ParentBasedSampler(new AlwaysOnSampler())).Description);
}
