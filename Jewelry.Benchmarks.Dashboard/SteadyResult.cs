namespace Jewelry.Benchmarks.Dashboard;

/// <summary>The steady-rate check: what was sent on schedule, what was refused, and how the dashboard kept up.</summary>
internal sealed record SteadyResult(
    int TargetSpansPerSecond,
    double SentSpansPerSecond,
    double SendSeconds,
    int Requests,
    long Refused,
    long Failed,
    long Written,
    double DrainSeconds,
    long MaxQueuedRecords,
    double MaxBehindScheduleMs);
