using System.Text.Json;

namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>A span as stored, with everything OTLP sent for it. Ids are lower-case hex.</summary>
public sealed record SpanDetail
{
    public required string TraceId { get; init; }

    public required string SpanId { get; init; }

    public string? ParentSpanId { get; init; }

    public string? TraceState { get; init; }

    public int Flags { get; init; }

    public required string Name { get; init; }

    public SpanKind Kind { get; init; }

    public required string ServiceName { get; init; }

    /// <summary>Key into <see cref="TraceDetail.Resources"/>; a string because it is a 64-bit hash.</summary>
    public required string ResourceId { get; init; }

    public required string ScopeName { get; init; }

    public string? ScopeVersion { get; init; }

    public JsonElement? ScopeAttributes { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public long StartTimeUnixNano { get; init; }

    public long EndTimeUnixNano { get; init; }

    public double DurationMs => (EndTimeUnixNano - StartTimeUnixNano) / 1_000_000.0;

    public SpanStatusCode StatusCode { get; init; }

    public string? StatusMessage { get; init; }

    public JsonElement Attributes { get; init; }

    public int DroppedAttributesCount { get; init; }

    public IReadOnlyList<SpanEvent> Events { get; init; } = [];

    public int DroppedEventsCount { get; init; }

    public IReadOnlyList<SpanLink> Links { get; init; } = [];

    public int DroppedLinksCount { get; init; }
}
