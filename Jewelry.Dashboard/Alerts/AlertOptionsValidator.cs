using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// Refuses, at start, a rule the dashboard could not evaluate as written: an unknown kind or target, a negative threshold,
/// a window longer than the telemetry is kept, a status the lifecycle does not list. Every message names the setting.
/// </summary>
public sealed class AlertOptionsValidator(IOptions<RetentionOptions> retention, IOptions<OrderTrackingOptions> orders) : IValidateOptions<AlertOptions>
{
    public static readonly string[] Severities = ["critical", "warning", "info"];

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        var section = AlertOptions.SectionName;
        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Interval must be positive.");
        }

        if (options.RedeliveryDelay <= TimeSpan.Zero || options.MaxRedeliveryDelay < options.RedeliveryDelay)
        {
            failures.Add($"{section}:RedeliveryDelay must be positive and no longer than {section}:MaxRedeliveryDelay.");
        }

        if (options.ExternalUrl is { } external && !IsHttp(external))
        {
            failures.Add($"{section}:ExternalUrl must be an absolute http:// or https:// URL.");
        }

        foreach (var (ruleName, rule) in options.Rules)
        {
            failures.AddRange(ValidateRule($"{section}:Rules:{ruleName}", ruleName, rule));
        }

        foreach (var (receiverName, receiver) in options.Receivers)
        {
            if (receiver.Url is not { } url || !IsHttp(url))
            {
                failures.Add($"{section}:Receivers:{receiverName}:Url must be an absolute http:// or https:// URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> ValidateRule(string path, string ruleName, AlertRuleOptions rule)
    {
        if (string.IsNullOrWhiteSpace(ruleName) || ruleName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return $"{path}: a rule name must be non-empty without spaces (it is the alertname label).";
        }

        if (!Severities.Contains(rule.Severity, StringComparer.Ordinal))
        {
            yield return $"{path}:Severity '{rule.Severity}' is not one of {string.Join(", ", Severities)}.";
        }

        if (AlertKinds.Parse(rule.Kind) is not { } kind)
        {
            yield return $"{path}:Kind '{rule.Kind}' is not a rule kind; use one of {string.Join(", ", AlertKinds.Names)}.";
            yield break;
        }

        if (rule.Threshold < 0 || !double.IsFinite(rule.Threshold))
        {
            yield return $"{path}:Threshold must not be negative (got {rule.Threshold}).";
        }
        else if (kind == AlertKind.ErrorRate && rule.Threshold >= 100)
        {
            yield return $"{path}:Threshold is a percentage of failed spans and must be below 100 (got {rule.Threshold}).";
        }

        if (AlertKinds.HasWindow(kind))
        {
            foreach (var problem in ValidateAge($"{path}:Window", rule.Window ?? AlertRuleDefaults.Window))
            {
                yield return problem;
            }
        }

        if (kind == AlertKind.LostMessages)
        {
            var lostAfter = orders.Value.LostMessageAfter;
            var after = rule.After ?? lostAfter;
            if (after < lostAfter)
            {
                yield return $"{path}:After ({after:c}) is shorter than {OrderTrackingOptions.SectionName}:LostMessageAfter ({lostAfter:c}), before which no message counts as lost.";
            }

            foreach (var problem in ValidateAge($"{path}:After", after))
            {
                yield return problem;
            }
        }

        if (kind is AlertKind.ErrorRate or AlertKind.P95)
        {
            if (!AlertTargets.IsKnown(rule.Target))
            {
                yield return $"{path}:Target '{rule.Target}' is not {AlertTargets.Status} or {AlertTargets.Hop}.";
            }

            if (rule.MinCount < 1)
            {
                yield return $"{path}:MinCount must be at least 1 (got {rule.MinCount}).";
            }
        }

        if (kind == AlertKind.P95 && rule.Latency is null)
        {
            yield return $"{path}:Latency is required for a P95 rule (the 95th percentile it must stay under).";
        }
        else if (kind == AlertKind.P95 && rule.Latency <= TimeSpan.Zero)
        {
            yield return $"{path}:Latency must be positive (got {rule.Latency:c}).";
        }

        if (rule.Status is { } status && orders.Value.Find(status) is null)
        {
            yield return $"{path}:Status '{status}' is not one of {OrderTrackingOptions.SectionName}:Statuses.";
        }
    }

    /// <summary>A window the stored telemetry cannot cover would never see what it looks for.</summary>
    private IEnumerable<string> ValidateAge(string setting, TimeSpan age)
    {
        if (age <= TimeSpan.Zero)
        {
            yield return $"{setting} must be positive (got {age:c}).";
        }

        if (retention.Value.MaxAge is { } maxAge && age > maxAge)
        {
            yield return $"{setting} ({age:c}) is longer than {RetentionOptions.SectionName}:MaxAge ({maxAge:c}): the telemetry it needs is deleted before.";
        }

        if (age > orders.Value.LookBack)
        {
            yield return $"{setting} ({age:c}) is longer than {OrderTrackingOptions.SectionName}:LookBack ({orders.Value.LookBack:c}), as far as the order queries look.";
        }
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
