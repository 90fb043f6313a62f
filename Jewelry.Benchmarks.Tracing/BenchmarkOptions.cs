namespace Jewelry.Benchmarks.Tracing;

/// <summary>How many orders run, how many at once and how long each may take. Parsed from the command line.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage =
        "Usage: dotnet run -c Release --project Jewelry.Benchmarks.Tracing -- [--rounds 5] [--batch 20] [--concurrency 4]\n"
        + "       [--warm-up-rounds 1] [--order-timeout-seconds 30] [--pause-ms 2000] [--trace-polls]";

    /// <summary>Counted rounds; each runs one batch on each stack.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Rounds run first and not counted: the services' JIT, connection pools and caches warm up.</summary>
    public int WarmUpRounds { get; init; } = 1;

    /// <summary>Orders per batch, that is per round and per stack.</summary>
    public int Batch { get; init; } = 20;

    /// <summary>Orders in flight at once within a batch.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>From the first request to PRICE_CALCULATED; a slower order counts as failed.</summary>
    public TimeSpan OrderTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Between two batches, so the telemetry one batch exports is not charged to the next.</summary>
    public TimeSpan PauseBetweenBatches { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Per HTTP request; the order timeout bounds the whole order.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>For each stack to become healthy.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// False (default): status polls carry an unsampled traceparent, so the benchmark's own polling is not
    /// traced in either stack and only the order's work is. True: polls are traced like any request.
    /// </summary>
    public bool TracePolls { get; init; }

    /// <summary>Reads the flags; returns null and an error for anything it does not understand or that is out of range.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new BenchmarkOptions();
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--rounds":
                    options = options with { Rounds = OptionValues.ReadInt(args[i], Value(), 1, 100, ref error) };
                    break;
                case "--warm-up-rounds":
                    options = options with { WarmUpRounds = OptionValues.ReadInt(args[i], Value(), 0, 100, ref error) };
                    break;
                case "--batch":
                    options = options with { Batch = OptionValues.ReadInt(args[i], Value(), 1, 1000, ref error) };
                    break;
                case "--concurrency":
                    options = options with { Concurrency = OptionValues.ReadInt(args[i], Value(), 1, 64, ref error) };
                    break;
                case "--order-timeout-seconds":
                    options = options with { OrderTimeout = TimeSpan.FromSeconds(OptionValues.ReadInt(args[i], Value(), 1, 600, ref error)) };
                    break;
                case "--pause-ms":
                    options = options with { PauseBetweenBatches = TimeSpan.FromMilliseconds(OptionValues.ReadInt(args[i], Value(), 0, 60_000, ref error)) };
                    break;
                case "--trace-polls":
                    options = options with { TracePolls = true };
                    break;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    break;
            }
        }

        return error is null ? options : null;
    }
}
