namespace Jewelry.Chaos.Checking;

/// <summary>A message left in a dead-letter queue, with the reason its consumer gave.</summary>
public sealed record DeadLetter(string Queue, string? MessageId, Guid? OrderId, string Reason);
