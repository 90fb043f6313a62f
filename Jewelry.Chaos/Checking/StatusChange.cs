namespace Jewelry.Chaos.Checking;

/// <summary>One row of an order's status history in shopdb, in the order it was written.</summary>
public sealed record StatusChange(string? From, string To, DateTimeOffset ChangedAt);
