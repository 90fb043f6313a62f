namespace Jewelry.Dashboard.Archive;

/// <summary>What an import read back: objects, spans and log records stored again, objects skipped, and until when they stay.</summary>
public sealed record ArchiveImportResult(
    DateTimeOffset From,
    DateTimeOffset To,
    int Objects,
    long Spans,
    long LogRecords,
    long InvalidRecords,
    IReadOnlyList<string> AlreadyImported,
    IReadOnlyList<CorruptArchiveObject> Corrupt,
    DateTimeOffset KeptUntil);
