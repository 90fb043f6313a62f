using System.Diagnostics;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// A W3C <c>traceparent</c> whose sampled flag is off. The services' parent-based sampler then drops the
/// request's spans, which is how the benchmark keeps its own status polls out of the traces it measures.
/// </summary>
public static class UnsampledTraceParent
{
    public const string HeaderName = "traceparent";

    public static string New() => $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";
}
