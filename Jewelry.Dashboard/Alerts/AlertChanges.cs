namespace Jewelry.Dashboard.Alerts;

/// <summary>What one evaluation changes: every alert row to write, and those that just fired or resolved.</summary>
public sealed record AlertChanges(IReadOnlyList<StoredAlert> Rows, IReadOnlyList<StoredAlert> Fired, IReadOnlyList<StoredAlert> Resolved);
