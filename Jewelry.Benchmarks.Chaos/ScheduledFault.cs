namespace Jewelry.Benchmarks.Chaos;

/// <summary>One planned kill: which resource, and how far into the load (from the first order's start).</summary>
public sealed record ScheduledFault(string Resource, TimeSpan At);
