namespace Jewelry.Chaos.Checking;

/// <summary>A hop missing from a chain in the telemetry store: what is missing, which service would have sent it, and about when.</summary>
internal sealed record ChainGap(string Hop, string Service, DateTimeOffset? Around);
