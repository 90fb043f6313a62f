namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>A service instance that has sent telemetry.</summary>
public sealed record TelemetrySource(string ServiceName, string? ServiceInstanceId, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
