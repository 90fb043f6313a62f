namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Time spent in one status, over the stays that began in the window. <see cref="Count"/> stays are measured (the
/// order has since entered the next status); <see cref="InProgress"/> are not yet. The percentiles are read from the
/// rollups' histogram (within <see cref="LatencyHistogram.RelativeError"/>) and are null when no stay is measured;
/// <see cref="MaxMs"/> and <see cref="Slowest"/> are exact. <see cref="ErrorRate"/> is failed transitions into the
/// status over all transitions into it.
/// </summary>
public sealed record StatusStatistics(
    string Status,
    string? Stage,
    long Transitions,
    long Failed,
    double ErrorRate,
    long Count,
    long InProgress,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    double? MaxMs,
    IReadOnlyList<SlowOrder> Slowest);
