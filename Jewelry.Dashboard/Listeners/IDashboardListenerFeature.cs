namespace Jewelry.Dashboard.Listeners;

/// <summary>Set on every connection so a request knows which port it arrived on.</summary>
public interface IDashboardListenerFeature
{
    DashboardListenerKinds Kinds { get; }
}
