namespace Jewelry.Dashboard.Audit;

/// <summary>A page of the audit log, newest first.</summary>
public sealed record AuditSearch
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public string? UserName { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public AuditCursor? After { get; init; }
}
