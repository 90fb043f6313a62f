namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>Filters of the trace list. Every filter is optional; results are newest first.</summary>
public sealed record TraceSearch
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    /// <summary>Traces in which this service has at least one span.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Traces with a span whose name contains this text (case-insensitive).</summary>
    public string? SpanName { get; init; }

    public bool ErrorsOnly { get; init; }

    public TimeSpan? MinDuration { get; init; }

    public TimeSpan? MaxDuration { get; init; }

    /// <summary>Traces that started at or after this time.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Traces that started at or before this time.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Each filter must match some span of the trace.</summary>
    public IReadOnlyList<AttributeFilter> Attributes { get; init; } = [];

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Continue after this cursor (from the previous page's <see cref="TraceSearchResult.NextCursor"/>).</summary>
    public TraceCursor? After { get; init; }
}
