namespace Jewelry.Chaos.Load;

/// <summary>
/// One order as its client drove it: the id the Shop gave (null if creating it never succeeded), the status it was
/// to reach, when the client started and finished, and what it gave up with, if it did.
/// </summary>
public sealed record DrivenOrder(int Index, Guid? OrderId, string ExpectedStatus, DateTimeOffset Started, DateTimeOffset Finished, int Retries, string? Failure);
