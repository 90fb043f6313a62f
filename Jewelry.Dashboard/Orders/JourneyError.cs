namespace Jewelry.Dashboard.Orders;

/// <summary>A failed step of the journey, with the reason its span gave.</summary>
public sealed record JourneyError(DateTimeOffset At, HopKind Kind, string Service, string Name, string Reason, string TraceId, string SpanId);
