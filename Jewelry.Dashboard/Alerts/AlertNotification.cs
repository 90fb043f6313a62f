namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// One webhook call owed to one receiver: an alert fired or resolved. Kept in <c>alert_notifications</c>, unique per
/// (fingerprint, receiver, state, firing start), so each firing and each resolution is sent once, across restarts.
/// </summary>
public sealed record AlertNotification(string Fingerprint, string Receiver, AlertState State, DateTimeOffset StartsAt, string Payload);
