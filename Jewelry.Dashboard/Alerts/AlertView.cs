namespace Jewelry.Dashboard.Alerts;

/// <summary>An alert as the page and <c>GET /api/alerts</c> show it: what, where, since when, which orders, who was told.</summary>
public sealed record AlertView(
    string Fingerprint,
    string Rule,
    AlertKind Kind,
    AlertState State,
    string? Severity,
    string? Summary,
    string? Description,
    string? Service,
    string? Stage,
    string? Status,
    string? Queue,
    string? Hop,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    double Value,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<AlertOrder> Orders,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<AlertDelivery> Deliveries)
{
    public static AlertView From(StoredAlert alert, IReadOnlyList<AlertDelivery> deliveries) => new(
        alert.Fingerprint,
        alert.Rule,
        alert.Kind,
        alert.State,
        alert.Label(AlertLabels.Severity),
        alert.Annotations.GetValueOrDefault(AlertLabels.Summary),
        alert.Annotations.GetValueOrDefault(AlertLabels.Description),
        alert.Label(AlertLabels.Service),
        alert.Label(AlertLabels.Stage),
        alert.Label(AlertLabels.Status),
        alert.Label(AlertLabels.Queue),
        alert.Label(AlertLabels.Hop),
        alert.StartsAt,
        alert.EndsAt,
        alert.Value,
        alert.EvaluatedAt,
        alert.Orders.Select(AlertOrder.For).ToList(),
        alert.Labels,
        alert.Annotations,
        deliveries);
}
