namespace Jewelry.Dashboard.Resources;

/// <summary>What the AppHost's state file said when it was last read.</summary>
public sealed record ResourceSnapshot(
    string? StateFile,
    string? DataDirectory,
    IReadOnlyList<ResourceEntry> Resources,
    DateTimeOffset? LastWritten,
    string? Error);
