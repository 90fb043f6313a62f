namespace Jewelry.Chaos.Checking;

/// <summary>Where the checker reads: the three databases and the broker, as the AppHost's connection strings give them.</summary>
public sealed record StackConnections(string ShopDb, string MesDb, string TelemetryDb, string Messaging);
