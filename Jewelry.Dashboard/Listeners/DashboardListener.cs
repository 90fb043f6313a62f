namespace Jewelry.Dashboard.Listeners;

/// <summary>One address Kestrel listens on and what it serves there.</summary>
public sealed record DashboardListener(Uri Url, DashboardListenerKinds Kinds)
{
    public bool IsHttps => Url.Scheme == Uri.UriSchemeHttps;
}
