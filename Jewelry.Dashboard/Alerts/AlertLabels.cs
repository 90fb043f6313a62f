namespace Jewelry.Dashboard.Alerts;

/// <summary>The label and annotation names alerts carry, as Alertmanager and Prometheus rules spell them.</summary>
public static class AlertLabels
{
    public const string AlertName = "alertname";
    public const string Severity = "severity";
    public const string Kind = "kind";
    public const string Service = "service";
    public const string Stage = "stage";
    public const string Status = "status";
    public const string Queue = "queue";
    public const string Hop = "hop";

    public const string Summary = "summary";
    public const string Description = "description";
    public const string Orders = "orders";
    public const string Reason = "reason";
}
