namespace Jewelry.Dashboard.Archive;

/// <summary>What an import read back: objects, spans, log records and metric points stored again, objects skipped, and until when they stay.</summary>
public sealed record ArchiveImportResult(
    DateTimeOffset From,
    DateTimeOffset To,
    int Objects,
    long Spans,
    long LogRecords,
    long MetricPoints,
    long InvalidRecords,
    IReadOnlyList<string> AlreadyImported,
    IReadOnlyList<CorruptArchiveObject> Corrupt,
    DateTimeOffset KeptUntil);
