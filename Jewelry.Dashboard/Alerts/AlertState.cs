namespace Jewelry.Dashboard.Alerts;

/// <summary>An alert's state, as Alertmanager names it in a webhook's <c>status</c>.</summary>
public enum AlertState
{
    Firing,
    Resolved,
}
