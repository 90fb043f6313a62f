using System.Diagnostics;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>Runs a batch of orders against one stack with a bounded number in flight.</summary>
public static class BatchRunner
{
    public static async Task<BatchResult> RunAsync(StackInstance stack, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var outcomes = new OrderOutcome[options.Batch];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Batch),
            parallel,
            async (index, token) => outcomes[index] = await new OrderJourney(stack.Shop, options).RunAsync(token));
        return new BatchResult(outcomes, Stopwatch.GetElapsedTime(started));
    }
}
