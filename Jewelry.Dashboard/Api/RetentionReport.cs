using Jewelry.Dashboard.Storage.Retention;

namespace Jewelry.Dashboard.Api;

/// <summary>The retention limits in force (an admin's settings, else the configuration) and what retention has removed since the dashboard started.</summary>
public sealed record RetentionReport(
    TimeSpan? MaxAge,
    long? MaxSpans,
    long? MaxLogRecords,
    long? MaxMetricPoints,
    TimeSpan? MaxAuditAge,
    long Runs,
    DateTimeOffset? LastRun,
    string? LastError,
    RetentionResult Removed);
