namespace Jewelry.Dashboard.Alerts;

/// <summary>Rule kinds as configuration names them, and which of them support users see.</summary>
public static class AlertKinds
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<AlertKind>();

    public static AlertKind? Parse(string? name) =>
        Enum.TryParse<AlertKind>(name?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _) ? kind : null;

    /// <summary>Alerts about orders: support sees these; developers and admins see every alert.</summary>
    public static bool IsOrderAlert(AlertKind kind) => kind is AlertKind.StuckOrders or AlertKind.LostMessages or AlertKind.DeadLettered;

    public static bool HasWindow(AlertKind kind) => kind is AlertKind.DeadLettered or AlertKind.ErrorRate or AlertKind.P95;
}
