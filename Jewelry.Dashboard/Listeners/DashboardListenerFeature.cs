namespace Jewelry.Dashboard.Listeners;

internal sealed class DashboardListenerFeature(DashboardListenerKinds kinds) : IDashboardListenerFeature
{
    public DashboardListenerKinds Kinds { get; } = kinds;
}
