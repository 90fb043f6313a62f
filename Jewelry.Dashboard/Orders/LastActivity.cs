namespace Jewelry.Dashboard.Orders;

/// <summary>The newest span of an order: what last happened to it, where, and whether that failed.</summary>
public sealed record LastActivity(DateTimeOffset At, string Service, string Name, string? Error, string TraceId, string SpanId);
