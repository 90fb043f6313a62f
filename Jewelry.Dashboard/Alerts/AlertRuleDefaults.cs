namespace Jewelry.Dashboard.Alerts;

/// <summary>What a rule that leaves a setting out gets.</summary>
public static class AlertRuleDefaults
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
}
