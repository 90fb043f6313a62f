namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Statuses in lifecycle order (ones the configuration does not list last), hops by total time spent, most first;
/// <see cref="HopsTruncated"/> says that more hops than <see cref="StageStatisticsQueries.MaxHops"/> had spans.
/// </summary>
public sealed record StageStatisticsReport(
    StageWindow Window,
    IReadOnlyList<StatusStatistics> Statuses,
    IReadOnlyList<HopStatistics> Hops,
    bool HopsTruncated);
