namespace Jewelry.Chaos.Checking;

/// <summary>The checker's answer: a verdict per order, the broker's queues, and the outbox rows never sent.</summary>
public sealed record CheckResult(IReadOnlyList<OrderVerdict> Verdicts, BrokerState Broker, long ShopOutboxUnsent, long MesOutboxUnsent)
{
    public int Lost => Verdicts.Count(v => v.Lost);

    public int Duplicated => Verdicts.Count(v => v.IsDuplicated);

    public int Unexpected => Verdicts.Count(v => v.IsUnexpected);

    public int ChainMissing => Verdicts.Count(v => v.IsChainMissing);

    public int ChainBroken => Verdicts.Count(v => v.IsChainBroken);

    public int ChainLostWithKill => Verdicts.Count(v => v.IsChainLostWithKill);

    public int FailedVisibly => Verdicts.Count(v => v.VisibleFailure is not null);

    public int Reached => Verdicts.Count(v => v.Status == v.ExpectedStatus);

    /// <summary>One line per order that is not clean, for a test's failure message or the run's log.</summary>
    public string Describe(int max = 20) => string.Join(Environment.NewLine, Verdicts.Where(v => !v.IsClean || v.IsChainLostWithKill).Take(max).Select(v =>
        $"{v.OrderId} expected {v.ExpectedStatus}, is {v.Status ?? "(absent)"}"
        + (v.Lost ? " LOST" : "")
        + (v.VisibleFailure is { } failure ? $"; failed: {failure}" : "")
        + (v.IsDuplicated ? $"; duplicated: {string.Join(", ", v.Duplicates)}" : "")
        + (v.IsUnexpected ? $"; unexpected: {string.Join(", ", v.Unexpected)}" : "")
        + (v.ChainMissing is { } missing ? $"; chain missing: {missing}" : "")
        + (v.IsChainBroken ? $"; chain broken: {string.Join(", ", v.ChainBroken)}" : "")
        + (v.IsChainLostWithKill ? $"; chain hops lost with a kill: {string.Join(", ", v.ChainLostWithKill)}" : "")
        + (v.DeadLetters.Count > 0 ? $"; dead-lettered: {string.Join(", ", v.DeadLetters.Select(d => $"{d.Queue}: {d.Reason}"))}" : "")));
}
