namespace Jewelry.Dashboard.Audit;

/// <summary>Audit rows written and lost since the dashboard started, as <c>/api/status</c> reports them.</summary>
public sealed record AuditStatus(long Written, long Failed, DateTimeOffset? LastFailure, string? LastError);
