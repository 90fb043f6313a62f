namespace Jewelry.Hosting.Reporting;

/// <summary>One resource in the state file.</summary>
internal sealed record StackStateResource(
    string Name,
    string Type,
    string State,
    string? Reason,
    int? Pid,
    IReadOnlyDictionary<string, string> Endpoints,
    string? ConnectionString);
