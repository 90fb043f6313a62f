namespace Jewelry.Benchmarks.Tracing;

/// <summary>The part of the Shop API's order response the benchmark reads.</summary>
public sealed record OrderStatusView(Guid Id, string Status, string? FailureReason);
