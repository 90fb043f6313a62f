using System.Text.Json;

namespace Jewelry.Dashboard.Storage.Queries;

public sealed record LogEntry(
    long Id,
    DateTimeOffset Time,
    long TimeUnixNano,
    string ServiceName,
    string ScopeName,
    int SeverityNumber,
    string Level,
    string? SeverityText,
    string? Message,
    JsonElement Attributes,
    string? TraceId,
    string? SpanId,
    string? EventName);
