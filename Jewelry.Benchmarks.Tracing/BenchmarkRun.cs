
namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// The whole run: start the tracing OFF stack and the tracing ON stack side by side, alternate batches
/// between them, count what each dashboard stored, print the figures, stop both stacks (also on Ctrl+C).
/// </summary>
public static class BenchmarkRun
{
    public const int Succeeded = 0;
    public const int SomeOrdersFailed = 1;
    public const int StackDidNotStart = 3;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var logDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "jewelry-tracing-benchmark")).FullName;
        var report = new BenchmarkReport(options, Console.Out);
        report.PrintHeader(logDirectory);
        try
        {
            Progress("starting the tracing OFF stack");
            await using var off = await StackInstance.StartAsync(TracingMode.Off, options, logDirectory, cancellationToken);
            Progress("starting the tracing ON stack");
            await using var on = await StackInstance.StartAsync(TracingMode.On, options, logDirectory, cancellationToken);
            await report.PrintSettingsAsync(off, on);

            Progress("running the rounds");
            var (offResults, onResults) = await new AlternatingBenchmark(options, off, on, report).RunAsync(cancellationToken);
            Progress("counting the spans each dashboard stored");
            var offSpans = await StoredSpans.CountAsync(off, cancellationToken);
            var onSpans = await StoredSpans.CountAsync(on, cancellationToken);
            report.PrintResults(offResults, onResults, offSpans, onSpans);
            Progress("stopping both stacks");
            report.PrintFooter();
            return offResults.Failures.Any() || onResults.Failures.Any() ? SomeOrdersFailed : Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Progress("interrupted: both stacks stopped, no figures");
            return Interrupted;
        }
        catch (Exception exception) when (exception is Aspire.Hosting.DistributedApplicationException or TimeoutException)
        {
            Progress($"a stack did not start: {exception.Message} (its output: {logDirectory})");
            return StackDidNotStart;
        }
    }

    /// <summary>On standard error, so standard output holds only the report.</summary>
    private static void Progress(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
