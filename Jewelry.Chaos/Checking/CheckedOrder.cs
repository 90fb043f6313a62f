namespace Jewelry.Chaos.Checking;

/// <summary>An order the checker is asked about: its id, the status it should have reached, and what its client gave up with.</summary>
public sealed record CheckedOrder(Guid OrderId, string ExpectedStatus, string? ClientFailure);
