namespace Jewelry.Chaos.Checking;

/// <summary>
/// The checker's finding for one order. Lost: not at its expected status and no visible reason anywhere.
/// Duplicated / unexpected / chain: each with the reasons found; empty lists mean none. <see cref="ChainLostWithKill"/>:
/// hops missing only because the service that would have exported them (or the dashboard storing them) was killed
/// while they sat in its memory, which no exporter can survive.
/// </summary>
public sealed record OrderVerdict(
    Guid OrderId,
    string ExpectedStatus,
    string? Status,
    bool Lost,
    string? VisibleFailure,
    IReadOnlyList<string> Duplicates,
    IReadOnlyList<string> Unexpected,
    string? ChainMissing,
    IReadOnlyList<string> ChainBroken,
    IReadOnlyList<string> ChainLostWithKill,
    IReadOnlyList<DeadLetter> DeadLetters)
{
    public bool IsDuplicated => Duplicates.Count > 0;

    public bool IsUnexpected => Unexpected.Count > 0;

    public bool IsChainMissing => ChainMissing is not null;

    public bool IsChainBroken => ChainBroken.Count > 0;

    public bool IsChainLostWithKill => ChainLostWithKill.Count > 0;

    public bool IsClean => !Lost && VisibleFailure is null && !IsDuplicated && !IsUnexpected && !IsChainMissing && !IsChainBroken && DeadLetters.Count == 0;
}
