namespace Jewelry.Chaos.Checking;

/// <summary>
/// Everything the stores say of one order after the run: shopdb's status and history, the MES's price calculations,
/// production orders and outbox, the messages dead-lettered for it, and its spans in the telemetry store.
/// <see cref="PricedAt"/> and <see cref="ProductionOrderCreatedAt"/> are when the MES committed its work, which is when
/// its spans of that work were still in its memory. <see cref="ClientFailure"/> is what the driving client gave up with, if it did.
/// </summary>
public sealed record OrderEvidence(
    Guid OrderId,
    string ExpectedStatus,
    string? Status,
    string? FailureReason,
    IReadOnlyList<StatusChange> History,
    int SucceededPriceCalculations,
    DateTimeOffset? PricedAt,
    int ProductionOrders,
    DateTimeOffset? ProductionOrderCreatedAt,
    IReadOnlyDictionary<string, int> MesOutboxByRoutingKey,
    IReadOnlyDictionary<string, int> CrmOutboxByRoutingKey,
    IReadOnlyList<string> ProductionStages,
    IReadOnlyList<DeadLetter> DeadLetters,
    IReadOnlyList<TransitionSpan> Spans,
    string? ClientFailure);
