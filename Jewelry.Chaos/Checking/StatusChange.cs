namespace Jewelry.Chaos.Checking;

/// <summary>One row of an order's status history in shopdb, in the order it was written, with the service that wrote it.</summary>
public sealed record StatusChange(string? From, string To, DateTimeOffset ChangedAt, string Source = "");
