namespace Jewelry.Dashboard.Storage.Queries;

public sealed record LogSearchResult(IReadOnlyList<LogEntry> Logs, string? NextCursor);
