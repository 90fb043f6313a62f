namespace Jewelry.Dashboard.Alerts;

/// <summary>A webhook of <c>Dashboard:Alerts:Receivers</c>: Alertmanager's webhook payload is POSTed to <see cref="Url"/>.</summary>
public sealed class AlertReceiverOptions
{
    public Uri? Url { get; set; }

    /// <summary>Support-facing receivers can be limited to order alerts (stuck, lost, dead-lettered).</summary>
    public bool OrderAlertsOnly { get; set; }
}
