namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>A page of traces; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record TraceSearchResult(IReadOnlyList<TraceSummary> Traces, string? NextCursor);
