namespace Jewelry.Dashboard.Listeners;

/// <summary>Endpoint metadata: the listener kinds an endpoint answers on. Endpoints without it are frontend endpoints.</summary>
public sealed record ListenerKindMetadata(DashboardListenerKinds Kinds);
