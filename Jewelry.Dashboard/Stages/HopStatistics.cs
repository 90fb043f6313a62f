using Jewelry.Dashboard.Orders;

namespace Jewelry.Dashboard.Stages;

/// <summary>Spans of orders that are one hop (kind, service and span name), finished in the window.</summary>
public sealed record HopStatistics(
    HopKind Kind,
    string Service,
    string Name,
    long Count,
    long Errors,
    double ErrorRate,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double TotalMs,
    IReadOnlyList<SlowOrder> Slowest);
