namespace Jewelry.Chaos.Checking;

/// <summary>The broker after the run: messages waiting in each work and dead-letter queue, and every dead letter with its reason.</summary>
public sealed record BrokerState(IReadOnlyDictionary<string, uint> Depths, IReadOnlyList<DeadLetter> DeadLetters);
