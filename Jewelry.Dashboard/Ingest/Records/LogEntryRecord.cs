namespace Jewelry.Dashboard.Ingest.Records;

/// <summary>A decoded OTLP log record, shaped like a row of the <c>logs</c> table.</summary>
public sealed class LogEntryRecord
{
    public long TimeUnixNano { get; init; }

    public long ObservedTimeUnixNano { get; init; }

    public required ResourceRecord Resource { get; init; }

    public required ScopeRecord Scope { get; init; }

    public short SeverityNumber { get; init; }

    public string? SeverityText { get; init; }

    public string? Body { get; init; }

    public required string AttributesJson { get; init; }

    public int DroppedAttributesCount { get; init; }

    public byte[]? TraceId { get; init; }

    public byte[]? SpanId { get; init; }

    public int Flags { get; init; }

    public string? EventName { get; init; }
}
