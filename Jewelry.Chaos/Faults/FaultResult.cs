namespace Jewelry.Chaos.Faults;

/// <summary>
/// One SIGKILL and what followed: when it was sent, the processes it killed, and how long until Aspire's start command
/// had the resource healthy again (and every resource healthy at once, which is when its dependants had recovered too).
/// </summary>
public sealed record FaultResult(
    string Resource,
    DateTimeOffset KilledAt,
    IReadOnlyList<int> Processes,
    TimeSpan? Healthy,
    TimeSpan? AllHealthy,
    string? Problem);
