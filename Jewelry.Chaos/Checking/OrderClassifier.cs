using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Topology;

namespace Jewelry.Chaos.Checking;

/// <summary>
/// Jepsen's questions asked of one order's evidence: lost (not where it should be, and nothing says why), duplicated
/// (an effect applied twice), unexpected (a history the lifecycle does not allow), and whether its chains are in the
/// telemetry store as one trace each. Pure: the stores are read by <see cref="ChaosChecker"/>.
/// </summary>
public static class OrderClassifier
{
    public const string ShopService = "shop-api";
    public const string CrmService = "crm-api";
    public const string MesService = "mes-api";
    public const string SubmitRoute = "/api/orders/{id:guid}/submit";

    private static readonly string s_priced = OrderStatus.PriceCalculated.ToName();
    private static readonly string s_submitted = OrderStatus.Submitted.ToName();
    private static readonly string s_approved = OrderStatus.ManufacturingApproved.ToName();

    /// <summary>How long after its work a kill can still take the spans of it with the process (see <see cref="KillThatExplains"/>).</summary>
    public static readonly TimeSpan ExportWindow = TimeSpan.FromSeconds(10);

    public const string DashboardService = "dashboard";

    private static readonly TimeSpan s_clockSlack = TimeSpan.FromMilliseconds(500);

    public static OrderVerdict Classify(OrderEvidence evidence) => Classify(evidence, []);

    /// <summary>Judges <paramref name="evidence"/>; <paramref name="kills"/> are the run's SIGKILLs, which explain hops lost with a killed process.</summary>
    public static OrderVerdict Classify(OrderEvidence evidence, IReadOnlyList<Kill> kills)
    {
        var visible = VisibleFailure(evidence);
        var lost = evidence.Status != evidence.ExpectedStatus && visible is null;
        var (missing, broken, lostWithKill) = CheckChains(evidence, kills);
        return new OrderVerdict(
            evidence.OrderId,
            evidence.ExpectedStatus,
            evidence.Status,
            lost,
            evidence.Status == evidence.ExpectedStatus ? null : visible,
            Duplicates(evidence),
            Unexpected(evidence),
            missing,
            broken,
            lostWithKill,
            evidence.DeadLetters);
    }

    /// <summary>Statuses an order may legitimately enter more than once: those on a cycle of the lifecycle.</summary>
    public static bool MayRepeat(OrderStatus status)
    {
        var seen = new HashSet<OrderStatus>();
        var pending = new Queue<OrderStatus>(OrderLifecycle.NextOf(status));
        while (pending.TryDequeue(out var next))
        {
            if (next == status)
            {
                return true;
            }

            if (seen.Add(next))
            {
                foreach (var after in OrderLifecycle.NextOf(next))
                {
                    pending.Enqueue(after);
                }
            }
        }

        return false;
    }

    private static string? VisibleFailure(OrderEvidence evidence) =>
        evidence.FailureReason is { } reason ? $"shopdb failure_reason: {reason}"
        : evidence.DeadLetters.Count > 0 && evidence.DeadLetters[0] is { } letter ? $"dead-lettered in {letter.Queue}: {letter.Reason}"
        : evidence.ClientFailure is { } client ? $"client: {client}"
        : null;

    private static List<string> Duplicates(OrderEvidence evidence)
    {
        var found = new List<string>();
        foreach (var group in evidence.History.GroupBy(change => change.To).Where(group => group.Count() > 1))
        {
            if (!OrderStatusNames.TryParse(group.Key, out var status) || !MayRepeat(status.Value))
            {
                found.Add($"status {group.Key} entered {group.Count()} times");
            }
        }

        var submits = evidence.History.Count(change => change.To == s_submitted);
        if (evidence.SucceededPriceCalculations > Math.Max(submits, 1))
        {
            found.Add($"priced {evidence.SucceededPriceCalculations} times for {submits} submit(s)");
        }

        if (evidence.ProductionOrders > 1)
        {
            found.Add($"{evidence.ProductionOrders} production orders");
        }

        var answers = Count(evidence.MesOutboxByRoutingKey, RoutingKeys.PriceCalculated) + Count(evidence.MesOutboxByRoutingKey, RoutingKeys.PriceFailed);
        if (answers > Math.Max(submits, 1))
        {
            found.Add($"the MES answered {answers} price requests for {submits} submit(s) (a request processed twice)");
        }

        var requests = Count(evidence.CrmOutboxByRoutingKey, RoutingKeys.PriceRequested);
        if (requests > Math.Max(submits, 1))
        {
            found.Add($"the CRM sent {requests} price requests for {submits} submit(s)");
        }

        var approvals = Count(evidence.CrmOutboxByRoutingKey, RoutingKeys.ManufacturingApproved);
        if (approvals > 1)
        {
            found.Add($"the CRM sent {approvals} approvals");
        }

        foreach (var stage in evidence.ProductionStages.GroupBy(stage => stage).Where(group => group.Count() > 1))
        {
            found.Add($"production stage {stage.Key} recorded {stage.Count()} times");
        }

        return found;
    }

    private static List<string> Unexpected(OrderEvidence evidence)
    {
        var found = new List<string>();
        string? previous = null;
        foreach (var change in evidence.History)
        {
            if (change.From != previous)
            {
                found.Add($"{change.From ?? "(none)"} -> {change.To} follows {previous ?? "nothing"}");
            }
            else if (previous is null)
            {
                if (change.To != OrderStatus.Initiated.ToName())
                {
                    found.Add($"history starts at {change.To}");
                }
            }
            else if (!OrderStatusNames.TryParse(change.From, out var from) || !OrderStatusNames.TryParse(change.To, out var to) || !OrderLifecycle.CanMove(from.Value, to.Value))
            {
                found.Add($"{change.From} -> {change.To} is not an allowed transition");
            }

            previous = change.To;
        }

        if (evidence.Status is not null && previous is not null && evidence.Status != previous)
        {
            found.Add($"status {evidence.Status} but the history ends at {previous}");
        }

        return found;
    }

    private static (string? Missing, List<string> Broken, List<string> LostWithKill) CheckChains(OrderEvidence evidence, IReadOnlyList<Kill> kills)
    {
        var (missing, gaps) = FindChainGaps(evidence);
        var broken = new List<string>();
        var lostWithKill = new List<string>();
        if (missing is not null && KillThatExplains(missing, kills) is { } killedChain)
        {
            lostWithKill.Add(Explained(missing, killedChain));
            missing = null;
        }

        foreach (var gap in gaps)
        {
            if (KillThatExplains(gap, kills) is { } kill)
            {
                lostWithKill.Add(Explained(gap, kill));
            }
            else
            {
                broken.Add(gap.Hop);
            }
        }

        return (missing?.Hop, broken, lostWithKill);
    }

    /// <summary>
    /// A service keeps the spans it ended in memory until its exporter sends them (<c>OTEL_BSP_SCHEDULE_DELAY</c>, 1 s
    /// here, plus the export); the dashboard keeps what it received until it has written it. A kill of either in that
    /// window loses them, whatever the exporter's retries.
    /// </summary>
    private static Kill? KillThatExplains(ChainGap gap, IReadOnlyList<Kill> kills) =>
        gap.Around is not { } around ? null
        : kills.FirstOrDefault(kill => (kill.Resource == gap.Service || kill.Resource == DashboardService)
            && kill.At >= around - s_clockSlack && kill.At <= around + ExportWindow);

    private static string Explained(ChainGap gap, Kill kill) => $"{gap.Hop} (lost with the SIGKILL of {kill.Resource} at {kill.At:HH:mm:ss.fff})";

    private static (ChainGap? Missing, List<ChainGap> Gaps) FindChainGaps(OrderEvidence evidence)
    {
        var gaps = new List<ChainGap>();
        var priced = evidence.History.LastOrDefault(change => change.To == s_priced);
        if (priced is null)
        {
            // Not priced: there is no price-calculation chain to look for; lost or visible failure says why.
            return (null, gaps);
        }

        if (evidence.Spans.Count == 0)
        {
            return (new("no stored span carries the order's id", ShopService, null), gaps);
        }

        var pricedTransition = evidence.Spans.FirstOrDefault(span => span.StatusTo == s_priced && span.Service == CrmService);
        if (pricedTransition is null)
        {
            return (new($"no {s_priced} transition span is stored", CrmService, priced.ChangedAt), gaps);
        }

        var submitted = evidence.History.LastOrDefault(change => change.To == s_submitted);
        var priceChain = evidence.Spans.Where(span => span.TraceId == pricedTransition.TraceId).ToList();
        if (!priceChain.Any(span => span.Service == ShopService && span.Route == SubmitRoute))
        {
            gaps.Add(new("the price chain's trace has no shop-api submit span", ShopService, submitted?.ChangedAt));
        }

        if (!priceChain.Any(span => span.Service == MesService && span.Queue == OrderTopology.MesPriceRequests.Name))
        {
            gaps.Add(new($"the price chain's trace has no mes-api span processing {OrderTopology.MesPriceRequests.Name}", MesService, evidence.PricedAt));
        }

        if (!priceChain.Any(span => span.Service == CrmService && span.Queue == OrderTopology.CrmPriceResults.Name))
        {
            gaps.Add(new($"the price chain's trace has no crm-api span processing {OrderTopology.CrmPriceResults.Name}", CrmService, priced.ChangedAt));
        }

        var approvedTransition = evidence.Spans.FirstOrDefault(span => span.StatusTo == s_approved);
        if (approvedTransition is not null
            && !evidence.Spans.Any(span => span.TraceId == approvedTransition.TraceId && span.Service == MesService && span.Queue == OrderTopology.MesApprovals.Name))
        {
            gaps.Add(new($"the approval's trace has no mes-api span processing {OrderTopology.MesApprovals.Name}", MesService, evidence.ProductionOrderCreatedAt));
        }

        foreach (var change in evidence.History.GroupBy(change => change.To).Select(group => group.Last()))
        {
            if (!evidence.Spans.Any(span => span.StatusTo == change.To))
            {
                gaps.Add(new($"no transition span for {change.To}", change.Source, change.ChangedAt));
            }
        }

        return (null, gaps);
    }

    private static int Count(IReadOnlyDictionary<string, int> counts, string key) => counts.TryGetValue(key, out var count) ? count : 0;
}
