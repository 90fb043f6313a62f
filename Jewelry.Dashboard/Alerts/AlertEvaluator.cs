using Jewelry.Dashboard.Listeners;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Stages;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// One evaluation: reads the stuck-orders report and the stage statistics the rules need (the pages' own queries),
/// evaluates every enabled rule, and stores the result with the webhook calls it owes.
/// </summary>
public sealed class AlertEvaluator(
    StuckOrderQueries stuckOrders,
    StageStatisticsQueries stages,
    AlertStore store,
    AlertCounters counters,
    IOptions<AlertOptions> options,
    IOptions<OrderTrackingOptions> orders,
    IReadOnlyList<DashboardListener> listeners,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    private readonly Uri _externalUrl = ExternalUrl(options.Value, listeners);

    public async Task<AlertChanges> EvaluateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var stuck = await stuckOrders.GetAsync(cancellationToken);
        var reports = new Dictionary<TimeSpan, StageStatisticsReport>();
        foreach (var window in AlertRuleEvaluator.StageWindows(settings))
        {
            reports[window] = await stages.GetAsync(new StageWindow(now - window, now), cancellationToken);
        }

        var inputs = new AlertInputs(now, orders.Value, stuck, reports);
        var evaluated = settings.EnabledRules().SelectMany(rule => AlertRuleEvaluator.Evaluate(rule.Name, rule.Rule, inputs)).ToList();
        var changes = await store.ApplyAsync(evaluated, now, now - orders.Value.LookBack, NotificationsFor, cancellationToken);

        counters.Evaluated(now, evaluated.Select(alert => alert.Fingerprint).Distinct(StringComparer.Ordinal).Count());
        foreach (var alert in changes.Fired)
        {
            logger.LogWarning("Alert {AlertName} firing ({Fingerprint}): {Summary}", alert.Rule, alert.Fingerprint, alert.Annotations.GetValueOrDefault(AlertLabels.Summary));
        }

        foreach (var alert in changes.Resolved)
        {
            logger.LogInformation("Alert {AlertName} resolved ({Fingerprint}) after {Duration}", alert.Rule, alert.Fingerprint, alert.EndsAt - alert.StartsAt);
        }

        return changes;
    }

    /// <summary>A call per receiver that takes the alert; support-facing receivers only take order alerts.</summary>
    private IEnumerable<AlertNotification> NotificationsFor(StoredAlert alert) =>
        options.Value.Receivers
            .Where(receiver => !receiver.Value.OrderAlertsOnly || AlertKinds.IsOrderAlert(alert.Kind))
            .Select(receiver => new AlertNotification(
                alert.Fingerprint,
                receiver.Key,
                alert.State,
                alert.StartsAt,
                AlertmanagerPayload.Serialize(AlertmanagerPayload.For(alert, receiver.Key, _externalUrl))));

    private static Uri ExternalUrl(AlertOptions options, IReadOnlyList<DashboardListener> listeners)
    {
        var url = options.ExternalUrl
            ?? listeners.First(listener => listener.Kinds.HasFlag(DashboardListenerKinds.Frontend)).Url;
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
