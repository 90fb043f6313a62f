namespace Jewelry.Dashboard.Storage.Retention;

public sealed record RetentionResult(long Traces, long Spans, long Logs, long MetricPoints, long AuditEntries = 0)
{
    public static readonly RetentionResult None = new(0, 0, 0, 0);

    public bool IsEmpty => Traces == 0 && Logs == 0 && MetricPoints == 0 && AuditEntries == 0;

    public static RetentionResult operator +(RetentionResult left, RetentionResult right) =>
        new(left.Traces + right.Traces, left.Spans + right.Spans, left.Logs + right.Logs, left.MetricPoints + right.MetricPoints, left.AuditEntries + right.AuditEntries);
}
