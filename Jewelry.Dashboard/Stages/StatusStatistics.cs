namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Time spent in one status. <see cref="Count"/> stays are measured (the order entered the status and later the
/// next one, both in the window); <see cref="InProgress"/> were still in it at the end of the window. The
/// percentiles are null when no stay is measured. <see cref="ErrorRate"/> is failed transitions into the status
/// over all transitions into it.
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
