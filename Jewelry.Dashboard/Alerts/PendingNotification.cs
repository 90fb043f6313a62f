namespace Jewelry.Dashboard.Alerts;

/// <summary>A webhook call not yet delivered, as the delivery service picks it up.</summary>
public sealed record PendingNotification(long Id, string Fingerprint, AlertState State, string Payload, int Attempts);
