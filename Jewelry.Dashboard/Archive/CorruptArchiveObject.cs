namespace Jewelry.Dashboard.Archive;

/// <summary>An archive object that could not be read back, by key, with why; the import skipped it.</summary>
public sealed record CorruptArchiveObject(string Key, string Reason);
