using System.Text.Json;

namespace Jewelry.Dashboard.Storage.Queries;

public sealed record SpanEvent(long TimeUnixNano, string Name, JsonElement Attributes, int DroppedAttributesCount);
