using Jewelry.Dashboard.Orders.State;

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

    /// <summary>
    /// What the state kept at ingest needs of the span (null when it carries neither an order id nor a message id),
    /// read once: the decoder reads it on the request's thread, so the single writer does not.
    /// </summary>
    public OrderSpanFacts? Facts
    {
        get
        {
            if (!_factsRead)
            {
                _facts = OrderSpanFacts.From(this);
                _factsRead = true;
            }

            return _facts;
        }
    }

    private OrderSpanFacts? _facts;
    private bool _factsRead;
}
