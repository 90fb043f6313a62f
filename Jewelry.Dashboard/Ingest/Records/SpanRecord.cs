namespace Jewelry.Dashboard.Ingest.Records;

/// <summary>A decoded span, shaped like a row of the <c>spans</c> table. JSON columns hold attributes, events and links.</summary>
public sealed class SpanRecord
{
    public required byte[] TraceId { get; init; }

    public required byte[] SpanId { get; init; }

    public byte[]? ParentSpanId { get; init; }

    public string? TraceState { get; init; }

    public int Flags { get; init; }

    public required ResourceRecord Resource { get; init; }

    public required ScopeRecord Scope { get; init; }

    public required string Name { get; init; }

    public short Kind { get; init; }

    public long StartTimeUnixNano { get; init; }

    public long EndTimeUnixNano { get; init; }

    public short StatusCode { get; init; }

    public string? StatusMessage { get; init; }

    public required string AttributesJson { get; init; }

    public int DroppedAttributesCount { get; init; }

    public string? EventsJson { get; init; }

    public int DroppedEventsCount { get; init; }

    public string? LinksJson { get; init; }

    public int DroppedLinksCount { get; init; }
}
