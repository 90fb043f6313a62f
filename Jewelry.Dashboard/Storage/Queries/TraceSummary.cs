namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>A row of the trace list.</summary>
public sealed record TraceSummary(
    string TraceId,
    DateTimeOffset StartTime,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    string RootServiceName,
    string RootSpanName,
    bool HasRootSpan,
    IReadOnlyList<string> Services);
