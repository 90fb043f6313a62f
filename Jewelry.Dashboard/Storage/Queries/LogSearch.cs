namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>Filters of the structured log list. Every filter is optional; results are newest first.</summary>
public sealed record LogSearch
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public string? ServiceName { get; init; }

    /// <summary>OTLP severity number at or above which records match (1 trace, 5 debug, 9 info, 13 warn, 17 error, 21 fatal).</summary>
    public int? MinSeverity { get; init; }

    /// <summary>Records whose message contains this text (case-insensitive).</summary>
    public string? Text { get; init; }

    public byte[]? TraceId { get; init; }

    public byte[]? SpanId { get; init; }

    public IReadOnlyList<AttributeFilter> Attributes { get; init; } = [];

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public LogCursor? After { get; init; }
}
