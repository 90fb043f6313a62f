namespace Jewelry.Dashboard.Orders;

/// <summary>Where orders hang or got lost, read from telemetry alone over <see cref="From"/> .. <see cref="GeneratedAt"/>.</summary>
public sealed record StuckOrdersReport(
    DateTimeOffset GeneratedAt,
    DateTimeOffset From,
    double LostMessageAfterMs,
    IReadOnlyList<StuckOrder> StuckOrders,
    IReadOnlyList<LostMessage> LostMessages,
    IReadOnlyList<DeadLetteredMessage> DeadLettered,
    IReadOnlyList<FailedStep> Failures)
{
    /// <summary>Per status, every order past its threshold in the window, however many <see cref="StuckOrders"/> lists.</summary>
    public IReadOnlyList<StuckStatusCount> StuckCounts { get; init; } = [];
}
