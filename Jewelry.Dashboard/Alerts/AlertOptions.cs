namespace Jewelry.Dashboard.Alerts;

/// <summary><c>Dashboard:Alerts</c>: the rules evaluated against the store, and the webhooks told when an alert fires or resolves.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Dashboard:Alerts";

    /// <summary>How often every rule is evaluated.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The dashboard's address as receivers reach it, for the payload's <c>externalURL</c> and the links to journeys; the UI's first URL when unset.</summary>
    public Uri? ExternalUrl { get; set; }

    /// <summary>The rules by name; the name is the alert's <c>alertname</c> label.</summary>
    public Dictionary<string, AlertRuleOptions> Rules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The webhooks, by receiver name, sent every firing and every resolution once.</summary>
    public Dictionary<string, AlertReceiverOptions> Receivers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How a notification that failed all its retries is tried again: after this, doubling up to <see cref="MaxRedeliveryDelay"/>.</summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRedeliveryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The rules that are switched on.</summary>
    public IEnumerable<(string Name, AlertRuleOptions Rule)> EnabledRules() =>
        Rules.Where(rule => rule.Value.Enabled).Select(rule => (rule.Key, rule.Value));
}
