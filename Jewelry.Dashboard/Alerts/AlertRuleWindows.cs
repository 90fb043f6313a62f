using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// How far back each alert rule looks, so that a retention an admin sets at run time never deletes the telemetry a rule
/// needs: the same check <see cref="AlertOptionsValidator"/> makes at start against <c>Dashboard:Retention:MaxAge</c>.
/// </summary>
public sealed class AlertRuleWindows(IOptions<AlertOptions> alerts, IOptions<OrderTrackingOptions> orders)
{
    /// <summary>The rule setting that looks back furthest, and how far; null when no rule looks back.</summary>
    public (string Setting, TimeSpan Age)? Longest() =>
        alerts.Value.Rules
            .SelectMany(rule => Windows($"{AlertOptions.SectionName}:Rules:{rule.Key}", rule.Value))
            .OrderByDescending(window => window.Age)
            .Cast<(string Setting, TimeSpan Age)?>()
            .FirstOrDefault();

    /// <summary>Adds an error on <c>maxAge</c> when it is shorter than a rule's window.</summary>
    public void Check(RetentionLimits limits, QueryErrors errors)
    {
        if (limits.MaxAge is { } maxAge && Longest() is { } longest && maxAge < longest.Age)
        {
            errors.Add(
                "maxAge",
                $"maxAge ({RetentionLimits.Text(maxAge)}) is shorter than {longest.Setting} ({RetentionLimits.Text(longest.Age)}): "
                + $"that alert rule would not see the telemetry it looks for. Keep at least {RetentionLimits.Text(longest.Age)}, or change the rule.");
        }
    }

    private IEnumerable<(string Setting, TimeSpan Age)> Windows(string path, AlertRuleOptions rule)
    {
        var kind = AlertKinds.Parse(rule.Kind);
        if (kind is { } windowed && AlertKinds.HasWindow(windowed))
        {
            yield return ($"{path}:Window", rule.Window ?? AlertRuleDefaults.Window);
        }

        if (kind == AlertKind.LostMessages)
        {
            yield return ($"{path}:After", rule.After ?? orders.Value.LostMessageAfter);
        }
    }
}
