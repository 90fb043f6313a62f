namespace Jewelry.Tests.Tracing;

/// <summary>A span as a service exported it over OTLP, decoded from the protobuf it sent.</summary>
public sealed record CapturedSpan(
    string Service,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> LinkedSpanIds,
    IReadOnlyList<string> EventNames)
{
    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public override string ToString() =>
        $"{Service} {Kind} '{Name}' {SpanId} parent {ParentSpanId ?? "-"} order {this["order.id"] ?? "-"} route {this["http.route"] ?? "-"} sql {Truncate(this["db.query.text"])}";

    private static string Truncate(string? text) => text is null ? "-" : text.Length <= 80 ? text : text[..80];
}
