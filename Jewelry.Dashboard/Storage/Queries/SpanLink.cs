using System.Text.Json;

namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>A link to a span of another (or the same) trace, such as the producer of a consumed message.</summary>
public sealed record SpanLink(string TraceId, string SpanId, string? TraceState, JsonElement Attributes, int DroppedAttributesCount);
