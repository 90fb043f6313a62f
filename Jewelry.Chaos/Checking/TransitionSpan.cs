namespace Jewelry.Chaos.Checking;

/// <summary>What the chain check needs of one stored span of an order: its trace, service, and what it did.</summary>
public sealed record TransitionSpan(string TraceId, string Service, string Name, string? StatusTo, string? Queue, string? Route);
