namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// An alert as the store keeps it (<c>alerts</c>): firing since <see cref="StartsAt"/>, or resolved at <see cref="EndsAt"/>,
/// with what its last evaluation said.
/// </summary>
public sealed record StoredAlert(
    string Fingerprint,
    string Rule,
    AlertKind Kind,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    AlertState State,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    double Value,
    IReadOnlyList<string> Orders,
    DateTimeOffset EvaluatedAt)
{
    public string? Label(string name) => Labels.GetValueOrDefault(name);

    public static StoredAlert Firing(EvaluatedAlert alert, DateTimeOffset startsAt, DateTimeOffset now) => new(
        alert.Fingerprint, alert.Rule, alert.Kind, alert.Labels, alert.Annotations, AlertState.Firing, startsAt, null, alert.Value, alert.Orders, now);
}
