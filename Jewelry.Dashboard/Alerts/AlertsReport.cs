namespace Jewelry.Dashboard.Alerts;

/// <summary>The alerts a user may see; <see cref="Evaluation"/> (evaluation and delivery health) only for developers and admins.</summary>
public sealed record AlertsReport(DateTimeOffset GeneratedAt, AlertEvaluationStatus? Evaluation, IReadOnlyList<AlertView> Alerts);
