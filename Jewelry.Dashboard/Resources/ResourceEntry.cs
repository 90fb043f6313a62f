namespace Jewelry.Dashboard.Resources;

/// <summary>One resource the AppHost started. Only these fields are read: connection strings in the file never reach the UI.</summary>
public sealed record ResourceEntry(
    string Name,
    string? Type,
    string? State,
    string? Reason,
    int? Pid,
    IReadOnlyDictionary<string, string> Endpoints);
