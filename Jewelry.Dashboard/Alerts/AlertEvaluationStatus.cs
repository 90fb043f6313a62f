namespace Jewelry.Dashboard.Alerts;

/// <summary>When the rules last ran and how it went; delivery attempts that failed, by receiver, since the dashboard started.</summary>
public sealed record AlertEvaluationStatus(
    DateTimeOffset? LastEvaluatedAt,
    string? LastError,
    int Firing,
    IReadOnlyDictionary<string, long> DeliveryFailures);
