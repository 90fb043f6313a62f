using Jewelry.Dashboard.Orders;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>
/// Consecutive chains of a journey shown together: one chain that moved the order, or a run of read-only ones folded
/// into a single line, so a customer polling its order does not bury the chains that matter.
/// </summary>
public sealed record ChainGroup(IReadOnlyList<JourneyChain> Chains, bool IsReadOnly)
{
    public static IReadOnlyList<ChainGroup> Of(IReadOnlyList<JourneyChain> chains)
    {
        var groups = new List<ChainGroup>();
        var readOnlyRun = new List<JourneyChain>();
        foreach (var chain in chains)
        {
            if (chain.IsReadOnly)
            {
                readOnlyRun.Add(chain);
                continue;
            }

            Flush();
            groups.Add(new ChainGroup([chain], false));
        }

        Flush();
        return groups;

        void Flush()
        {
            if (readOnlyRun.Count > 0)
            {
                groups.Add(new ChainGroup([.. readOnlyRun], true));
                readOnlyRun.Clear();
            }
        }
    }

    /// <summary>What the folded requests were, e.g. "GET /api/orders/{id:guid} ×12".</summary>
    public string Summary() => string.Join(", ", Chains
        .GroupBy(chain => $"{chain.Service}: {chain.Name}", StringComparer.Ordinal)
        .Select(group => group.Count() == 1 ? group.Key : $"{group.Key} ×{group.Count()}"));
}
