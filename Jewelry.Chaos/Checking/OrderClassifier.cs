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

    public static OrderVerdict Classify(OrderEvidence evidence)
    {
        var visible = VisibleFailure(evidence);
        var lost = evidence.Status != evidence.ExpectedStatus && visible is null;
        var (missing, broken) = CheckChains(evidence);
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

    private static (string? Missing, List<string> Broken) CheckChains(OrderEvidence evidence)
    {
        var broken = new List<string>();
        if (!evidence.History.Any(change => change.To == s_priced))
        {
            // Not priced: there is no price-calculation chain to look for; lost or visible failure says why.
            return (null, broken);
        }

        if (evidence.Spans.Count == 0)
        {
            return ("no stored span carries the order's id", broken);
        }

        var pricedTransition = evidence.Spans.FirstOrDefault(span => span.StatusTo == s_priced && span.Service == CrmService);
        if (pricedTransition is null)
        {
            return ($"no {s_priced} transition span is stored", broken);
        }

        var priceChain = evidence.Spans.Where(span => span.TraceId == pricedTransition.TraceId).ToList();
        if (!priceChain.Any(span => span.Service == ShopService && span.Route == SubmitRoute))
        {
            broken.Add("the price chain's trace has no shop-api submit span");
        }

        if (!priceChain.Any(span => span.Service == MesService && span.Queue == OrderTopology.MesPriceRequests.Name))
        {
            broken.Add($"the price chain's trace has no mes-api span processing {OrderTopology.MesPriceRequests.Name}");
        }

        if (!priceChain.Any(span => span.Service == CrmService && span.Queue == OrderTopology.CrmPriceResults.Name))
        {
            broken.Add($"the price chain's trace has no crm-api span processing {OrderTopology.CrmPriceResults.Name}");
        }

        var approvedTransition = evidence.Spans.FirstOrDefault(span => span.StatusTo == s_approved);
        if (approvedTransition is not null
            && !evidence.Spans.Any(span => span.TraceId == approvedTransition.TraceId && span.Service == MesService && span.Queue == OrderTopology.MesApprovals.Name))
        {
            broken.Add($"the approval's trace has no mes-api span processing {OrderTopology.MesApprovals.Name}");
        }

        foreach (var status in evidence.History.Select(change => change.To).Distinct())
        {
            if (!evidence.Spans.Any(span => span.StatusTo == status))
            {
                broken.Add($"no transition span for {status}");
            }
        }

        return (null, broken);
    }

    private static int Count(IReadOnlyDictionary<string, int> counts, string key) => counts.TryGetValue(key, out var count) ? count : 0;
}
