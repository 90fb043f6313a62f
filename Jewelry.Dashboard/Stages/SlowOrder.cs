namespace Jewelry.Dashboard.Stages;

/// <summary>One of the slowest orders of a stage: how long it took there, and the span to open.</summary>
public sealed record SlowOrder(string OrderId, double DurationMs, string TraceId, string SpanId);
