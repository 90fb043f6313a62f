using System.Text.Json;
using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Orders;

/// <summary>A stored span that carries an order id, with what the journey needs of it. Ids are lower-case hex.</summary>
public sealed record OrderSpan
{
    public required string TraceId { get; init; }

    public required string SpanId { get; init; }

    public string? ParentSpanId { get; init; }

    public required string ServiceName { get; init; }

    public required string Name { get; init; }

    public SpanKind Kind { get; init; }

    public long StartTimeUnixNano { get; init; }

    public long EndTimeUnixNano { get; init; }

    public SpanStatusCode StatusCode { get; init; }

    public string? StatusMessage { get; init; }

    public JsonElement Attributes { get; init; }

    /// <summary>An attribute as text (<see cref="AttributeText"/>).</summary>
    public string? Attribute(string key) => AttributeText.Read(Attributes, key);
}
