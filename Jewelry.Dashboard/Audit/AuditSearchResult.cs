namespace Jewelry.Dashboard.Audit;

/// <summary>Audit rows newest first; <see cref="NextCursor"/> continues with older ones.</summary>
public sealed record AuditSearchResult(IReadOnlyList<AuditEntry> Entries, string? NextCursor);
