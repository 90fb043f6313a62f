namespace Jewelry.Dashboard.Alerts;

/// <summary>How one webhook call stands: delivered, or how often it failed and when it is tried next.</summary>
public sealed record AlertDelivery(
    string Receiver,
    AlertState State,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset NextAttemptAt,
    string? LastError);
