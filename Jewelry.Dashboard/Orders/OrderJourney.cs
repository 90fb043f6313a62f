namespace Jewelry.Dashboard.Orders;

/// <summary>
/// Everything the telemetry knows of one order: the status it is in and since when, every status it passed with
/// its duration, and every chain (trace) with its hops and errors, on one time line. <see cref="PendingMessages"/>:
/// messages RabbitMQ confirmed for the order that no consumer has processed yet, which is where an order waits.
/// </summary>
public sealed record OrderJourney(
    string OrderId,
    string? CurrentStatus,
    DateTimeOffset? CurrentStatusSince,
    double? TimeInCurrentStatusMs,
    bool IsFinal,
    string? CurrentService,
    string? CurrentStage,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    double TotalDurationMs,
    IReadOnlyList<JourneyStatus> Statuses,
    IReadOnlyList<JourneyChain> Chains,
    IReadOnlyList<JourneyError> Errors,
    IReadOnlyList<LostMessage> PendingMessages,
    int SpanCount,
    bool Truncated);
