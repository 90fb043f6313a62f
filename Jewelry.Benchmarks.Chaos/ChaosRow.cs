namespace Jewelry.Benchmarks.Chaos;

/// <summary>One line of the table: a fault (or none, or the total) and what the checker found among the orders in flight during it.</summary>
public sealed record ChaosRow(
    string Fault,
    double? KilledAtSeconds,
    int Processes,
    double? HealthySeconds,
    double? AllHealthySeconds,
    string? FaultProblem,
    int Orders,
    int Reached,
    int Lost,
    int Duplicated,
    int Unexpected,
    int ChainMissing,
    int ChainBroken,
    int ChainLostWithKill,
    int DeadLettered,
    int FailedVisibly);
