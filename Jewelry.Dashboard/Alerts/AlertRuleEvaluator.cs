using System.Globalization;
using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Stages;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// Turns the reports the stuck-orders page and the stages page already compute into alerts: one per status, queue,
/// stage or hop whose figure is over the rule's threshold. Pure, so every rule is tested without a store.
/// </summary>
public static class AlertRuleEvaluator
{
    /// <summary>Most order ids an alert lists; the journey page and the stuck page have the rest.</summary>
    public const int MaxOrders = 50;

    public static IEnumerable<EvaluatedAlert> Evaluate(string name, AlertRuleOptions rule, AlertInputs inputs) =>
        AlertKinds.Parse(rule.Kind) switch
        {
            AlertKind.StuckOrders => StuckOrders(name, rule, inputs),
            AlertKind.LostMessages => LostMessages(name, rule, inputs),
            AlertKind.DeadLettered => DeadLettered(name, rule, inputs),
            AlertKind.ErrorRate => ErrorRate(name, rule, inputs),
            AlertKind.P95 => P95(name, rule, inputs),
            _ => [],
        };

    /// <summary>The stage statistics windows the enabled rules need.</summary>
    public static IEnumerable<TimeSpan> StageWindows(AlertOptions options) =>
        options.EnabledRules()
            .Where(rule => AlertKinds.Parse(rule.Rule.Kind) is AlertKind.ErrorRate or AlertKind.P95)
            .Select(rule => rule.Rule.Window ?? AlertRuleDefaults.Window)
            .Distinct();

    // Counted from every overdue order (StuckCounts), not from the report's list, which stops at its first rows.
    private static IEnumerable<EvaluatedAlert> StuckOrders(string name, AlertRuleOptions rule, AlertInputs inputs) =>
        inputs.Stuck.StuckCounts
            .Where(count => rule.Status is null || string.Equals(count.Status, rule.Status, StringComparison.OrdinalIgnoreCase))
            .Where(count => count.Count > rule.Threshold && inputs.Orders.Find(count.Status) is not null)
            .Select(count =>
            {
                var stage = inputs.Orders.Find(count.Status)!;
                var listed = inputs.Stuck.StuckOrders.Where(order => string.Equals(order.Status, count.Status, StringComparison.OrdinalIgnoreCase)).ToList();
                var labels = Labels(name, rule, AlertKind.StuckOrders, stage.Service, stage.Stage, (AlertLabels.Status, stage.Name), (AlertLabels.Queue, listed.FirstOrDefault()?.Queue ?? stage.Queue));
                return Alert(name, AlertKind.StuckOrders, labels, count.Count, listed.Select(order => order.OrderId),
                    $"{Count(count.Count, "order")} in {stage.Name} past the threshold of {DurationText.Format(stage.Threshold!.Value.TotalMilliseconds)}",
                    $"Waiting for {stage.Stage} ({stage.Service}); the longest for {DurationText.Format(count.LongestWaitingMs)}.");
            });

    private static IEnumerable<EvaluatedAlert> LostMessages(string name, AlertRuleOptions rule, AlertInputs inputs)
    {
        var after = rule.After ?? inputs.Orders.LostMessageAfter;
        return inputs.Stuck.LostMessages
            .Where(message => message.WaitingMs >= after.TotalMilliseconds)
            .Where(message => rule.Queue is null || string.Equals(message.Queue, rule.Queue, StringComparison.Ordinal))
            .GroupBy(message => message.Queue ?? "unknown", StringComparer.Ordinal)
            .Where(group => group.Count() > rule.Threshold)
            .Select(group =>
            {
                var consumer = ConsumerOf(group.Key, inputs.Orders);
                var routingKeys = string.Join(", ", group.Select(message => message.RoutingKey).OfType<string>().Distinct(StringComparer.Ordinal));
                var labels = Labels(name, rule, AlertKind.LostMessages, consumer?.Service ?? "unknown", consumer?.Stage ?? "Consumer of " + group.Key, (AlertLabels.Queue, group.Key));
                return Alert(name, AlertKind.LostMessages, labels, group.Count(), group.Select(message => message.OrderId),
                    $"{Count(group.Count(), "message")} to {group.Key} not consumed within {DurationText.Format(after.TotalMilliseconds)}",
                    $"RabbitMQ confirmed them (routing key {routingKeys}) and no consumer span has processed them; the oldest waits for {DurationText.Format(group.Max(message => message.WaitingMs))}.");
            });
    }

    private static IEnumerable<EvaluatedAlert> DeadLettered(string name, AlertRuleOptions rule, AlertInputs inputs)
    {
        var window = rule.Window ?? AlertRuleDefaults.Window;
        var since = inputs.Now - window;
        return inputs.Stuck.DeadLettered
            .Where(message => message.At >= since)
            .Where(message => rule.Queue is null || string.Equals(message.Queue, rule.Queue, StringComparison.Ordinal))
            .GroupBy(message => message.Queue ?? "unknown", StringComparer.Ordinal)
            .Where(group => group.Count() > rule.Threshold)
            .Select(group =>
            {
                var latest = group.MaxBy(message => message.At)!;
                var stage = ConsumerOf(group.Key, inputs.Orders)?.Stage ?? "Consumer of " + group.Key;
                var labels = Labels(name, rule, AlertKind.DeadLettered, latest.Service, stage, (AlertLabels.Queue, group.Key));
                var alert = Alert(name, AlertKind.DeadLettered, labels, group.Count(), group.Select(message => message.OrderId),
                    $"{Count(group.Count(), "message")} dead-lettered from {group.Key} in the last {DurationText.Format(window.TotalMilliseconds)}",
                    $"The latest by {latest.Service}: {latest.Reason}");
                return alert with { Annotations = new Dictionary<string, string>(alert.Annotations) { [AlertLabels.Reason] = latest.Reason } };
            });
    }

    private static IEnumerable<EvaluatedAlert> ErrorRate(string name, AlertRuleOptions rule, AlertInputs inputs)
    {
        var window = rule.Window ?? AlertRuleDefaults.Window;
        var report = inputs.Stages[window];
        var since = inputs.Now - window;
        if (AlertTargets.IsHop(rule.Target))
        {
            return Hops(report, rule)
                .Where(hop => hop.Count >= rule.MinCount && hop.ErrorRate * 100 > rule.Threshold)
                .Select(hop =>
                {
                    var orders = inputs.Stuck.Failures
                        .Where(failure => failure.At >= since && failure.Service == hop.Service && failure.Name == hop.Name)
                        .Select(failure => failure.OrderId);
                    var labels = Labels(name, rule, AlertKind.ErrorRate, hop.Service, hop.Name, (AlertLabels.Hop, hop.Name));
                    return Alert(name, AlertKind.ErrorRate, labels, hop.ErrorRate * 100, orders,
                        $"{Percent(hop.ErrorRate)} of {hop.Service}'s {hop.Name} failed in the last {DurationText.Format(window.TotalMilliseconds)}",
                        $"{hop.Errors} of {hop.Count} spans failed; the threshold is {Percent(rule.Threshold / 100)}.");
                });
        }

        return Statuses(report, rule)
            .Where(status => status.Transitions >= rule.MinCount && status.ErrorRate * 100 > rule.Threshold)
            .Select(status =>
            {
                var stage = inputs.Orders.Find(status.Status);
                var orders = inputs.Stuck.Failures
                    .Where(failure => failure.At >= since && failure.Kind == HopKind.Status && failure.Name.EndsWith(status.Status, StringComparison.OrdinalIgnoreCase))
                    .Select(failure => failure.OrderId);
                var labels = Labels(name, rule, AlertKind.ErrorRate, stage?.Service ?? "unknown", stage?.Stage ?? status.Status, (AlertLabels.Status, status.Status));
                return Alert(name, AlertKind.ErrorRate, labels, status.ErrorRate * 100, orders,
                    $"{Percent(status.ErrorRate)} of transitions into {status.Status} failed in the last {DurationText.Format(window.TotalMilliseconds)}",
                    $"{status.Failed} of {status.Transitions} transitions failed; the threshold is {Percent(rule.Threshold / 100)}.");
            });
    }

    private static IEnumerable<EvaluatedAlert> P95(string name, AlertRuleOptions rule, AlertInputs inputs)
    {
        var window = rule.Window ?? AlertRuleDefaults.Window;
        var report = inputs.Stages[window];
        var latency = rule.Latency!.Value.TotalMilliseconds;
        if (AlertTargets.IsHop(rule.Target))
        {
            return Hops(report, rule)
                .Where(hop => hop.Count >= rule.MinCount && hop.P95Ms > latency)
                .Select(hop => Alert(name, AlertKind.P95, Labels(name, rule, AlertKind.P95, hop.Service, hop.Name, (AlertLabels.Hop, hop.Name)), hop.P95Ms,
                    hop.Slowest.Select(order => order.OrderId),
                    $"p95 of {hop.Service}'s {hop.Name} is {DurationText.Format(hop.P95Ms)} over the last {DurationText.Format(window.TotalMilliseconds)}",
                    $"Above {DurationText.Format(latency)} over {hop.Count} spans; p99 {DurationText.Format(hop.P99Ms)}."));
        }

        return Statuses(report, rule)
            .Where(status => status.Count >= rule.MinCount && status.P95Ms > latency)
            .Select(status =>
            {
                var stage = inputs.Orders.Find(status.Status);
                var labels = Labels(name, rule, AlertKind.P95, stage?.Service ?? "unknown", stage?.Stage ?? status.Status, (AlertLabels.Status, status.Status));
                return Alert(name, AlertKind.P95, labels, status.P95Ms!.Value, status.Slowest.Select(order => order.OrderId),
                    $"p95 of the time in {status.Status} is {DurationText.Format(status.P95Ms.Value)} over the last {DurationText.Format(window.TotalMilliseconds)}",
                    $"Above {DurationText.Format(latency)} over {status.Count} stays; p99 {DurationText.Format(status.P99Ms ?? 0)}.");
            });
    }

    private static IEnumerable<HopStatistics> Hops(StageStatisticsReport report, AlertRuleOptions rule) =>
        report.Hops.Where(hop => (rule.Service is null || hop.Service == rule.Service) && (rule.Hop is null || hop.Name == rule.Hop));

    private static IEnumerable<StatusStatistics> Statuses(StageStatisticsReport report, AlertRuleOptions rule) =>
        report.Statuses.Where(status => rule.Status is null || string.Equals(status.Status, rule.Status, StringComparison.OrdinalIgnoreCase));

    /// <summary>The status whose orders wait in <paramref name="queue"/>: whose consumer should have taken the message.</summary>
    private static StatusStage? ConsumerOf(string queue, OrderTrackingOptions orders) =>
        orders.Statuses.FirstOrDefault(status => string.Equals(status.Queue, queue, StringComparison.Ordinal));

    private static Dictionary<string, string> Labels(string name, AlertRuleOptions rule, AlertKind kind, string service, string stage, params (string Name, string? Value)[] more)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AlertLabels.AlertName] = name,
            [AlertLabels.Severity] = rule.Severity,
            [AlertLabels.Kind] = kind.ToString(),
            [AlertLabels.Service] = service,
            [AlertLabels.Stage] = stage,
        };
        foreach (var (label, value) in more)
        {
            if (value is not null)
            {
                labels[label] = value;
            }
        }

        return labels;
    }

    private static EvaluatedAlert Alert(string name, AlertKind kind, Dictionary<string, string> labels, double value, IEnumerable<string?> orders, string summary, string description)
    {
        var orderIds = orders.OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxOrders).ToList();
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AlertLabels.Summary] = summary,
            [AlertLabels.Description] = description,
        };
        if (orderIds.Count > 0)
        {
            annotations[AlertLabels.Orders] = string.Join(",", orderIds);
        }

        return new EvaluatedAlert(name, kind, labels, annotations, value, orderIds);
    }

    private static string Count(long count, string noun) => count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}s");

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
