namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>A whole trace: its spans ordered by start time, and the resources (service instances) they came from.</summary>
public sealed record TraceDetail(
    string TraceId,
    DateTimeOffset StartTime,
    long StartTimeUnixNano,
    long EndTimeUnixNano,
    int ErrorCount,
    IReadOnlyList<string> Services,
    IReadOnlyList<SpanDetail> Spans,
    IReadOnlyDictionary<string, ResourceDetail> Resources)
{
    public double DurationMs => (EndTimeUnixNano - StartTimeUnixNano) / 1_000_000.0;

    public int SpanCount => Spans.Count;

    /// <summary>Spans of the trace left out for the reader's role (support sees only spans of orders).</summary>
    public int HiddenSpanCount { get; init; }
}
