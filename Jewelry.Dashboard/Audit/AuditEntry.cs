namespace Jewelry.Dashboard.Audit;

/// <summary>One request a signed-in user made: who, when, what, and how it was answered.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset Time,
    string UserName,
    string Role,
    string Method,
    string Path,
    string Query,
    int StatusCode,
    double DurationMs,
    string? Detail);
