namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// Runs the same batch on both stacks, one stack at a time, round after round, so noise from the machine
/// falls on both alike. The order flips every round (OFF ON | ON OFF | OFF ON ...), so slow drift and
/// "which stack ran right after which" cancel out. Warm-up rounds come first and are not counted.
/// </summary>
public sealed class AlternatingBenchmark(BenchmarkOptions options, StackInstance off, StackInstance on, BenchmarkReport report)
{
    public async Task<(StackResults Off, StackResults On)> RunAsync(CancellationToken cancellationToken)
    {
        var offResults = new StackResults(off.Mode);
        var onResults = new StackResults(on.Mode);
        report.PrintRoundHeader();
        for (var index = 0; index < options.WarmUpRounds + options.Rounds; index++)
        {
            var offFirst = index % 2 == 0;
            var first = await RunBatchAsync(offFirst ? off : on, cancellationToken);
            var second = await RunBatchAsync(offFirst ? on : off, cancellationToken);
            var (offBatch, onBatch) = offFirst ? (first, second) : (second, first);
            int? countedRound = index < options.WarmUpRounds ? null : index - options.WarmUpRounds + 1;
            report.PrintRound(countedRound, offFirst ? off.Mode : on.Mode, offBatch, onBatch);
            if (countedRound is not null)
            {
                offResults.Add(offBatch);
                onResults.Add(onBatch);
            }
        }

        return (offResults, onResults);
    }

    private async Task<BatchResult> RunBatchAsync(StackInstance stack, CancellationToken cancellationToken)
    {
        var batch = await BatchRunner.RunAsync(stack, options, cancellationToken);
        await Task.Delay(options.PauseBetweenBatches, cancellationToken);
        return batch;
    }
}
