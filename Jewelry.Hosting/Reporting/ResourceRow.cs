namespace Jewelry.Hosting.Reporting;

/// <summary>What the report says about one resource at one moment.</summary>
internal sealed record ResourceRow(
    string Name,
    string Type,
    string State,
    string? Reason,
    int? Pid,
    IReadOnlyDictionary<string, string> Endpoints,
    DateTime? StartedAt)
{
    public const string Healthy = "healthy";

    public bool IsHealthy => State == Healthy;

    /// <summary>Same name, type, state, reason, pid and endpoints (records compare dictionaries by reference).</summary>
    public bool Matches(ResourceRow? other) =>
        other is not null
        && (Name, Type, State, Reason, Pid) == (other.Name, other.Type, other.State, other.Reason, other.Pid)
        && Endpoints.Count == other.Endpoints.Count
        && Endpoints.All(endpoint => other.Endpoints.TryGetValue(endpoint.Key, out var url) && url == endpoint.Value);
}
