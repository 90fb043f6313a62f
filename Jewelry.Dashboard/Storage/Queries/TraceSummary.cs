namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>A row of the trace list. <see cref="RootStatusCode"/>: the root span's HTTP response status, when it has one.</summary>
public sealed record TraceSummary(
    string TraceId,
    DateTimeOffset StartTime,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    string RootServiceName,
    string RootSpanName,
    bool HasRootSpan,
    IReadOnlyList<string> Services,
    int? RootStatusCode);
