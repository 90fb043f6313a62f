using System.Globalization;
using Jewelry.Benchmarks.Tracing;
using Jewelry.Chaos.Faults;

namespace Jewelry.Benchmarks.Chaos;

/// <summary>How many orders, how fast, from how many clients, which resources to kill and with which seed. Parsed from the command line.</summary>
public sealed record ChaosOptions
{
    public const string Usage =
        "Usage: dotnet run -c Release --project Jewelry.Benchmarks.Chaos -- [--orders 1000] [--rate 4] [--clients 8] [--seed 1]\n"
        + "       [--kill postgres,messaging,models,mes-api,crm-api,shop-api,dashboard,gateway,identity] [--order-timeout-seconds 600]\n"
        + "       [--output chaos-report.json]";

    public int Orders { get; init; } = 1000;

    /// <summary>Orders started per second, steadily; a client that is still busy delays the next start.</summary>
    public double Rate { get; init; } = 4;

    public int Clients { get; init; } = 8;

    /// <summary>Decides the order of the kills and their jitter: the same seed prints the same schedule.</summary>
    public int Seed { get; init; } = 1;

    public IReadOnlyList<string> Kill { get; init; } = ResourceKiller.Killable;

    /// <summary>From an order's first request to its expected status, retries included; a slower order counts as given up.</summary>
    public TimeSpan OrderTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>For a killed resource to be healthy again after Aspire's start command.</summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>After the load, for the last spans to reach the telemetry store.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public string Output { get; init; } = "chaos-report.json";

    public static ChaosOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new ChaosOptions();
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--orders":
                    options = options with { Orders = OptionValues.ReadInt(args[i], Value(), 1, 100_000, ref error) };
                    break;
                case "--rate":
                    options = options with { Rate = ReadDouble(args[i], Value(), 0.1, 1000, ref error) };
                    break;
                case "--clients":
                    options = options with { Clients = OptionValues.ReadInt(args[i], Value(), 1, 256, ref error) };
                    break;
                case "--seed":
                    options = options with { Seed = OptionValues.ReadInt(args[i], Value(), 0, int.MaxValue, ref error) };
                    break;
                case "--order-timeout-seconds":
                    options = options with { OrderTimeout = TimeSpan.FromSeconds(OptionValues.ReadInt(args[i], Value(), 10, 3600, ref error)) };
                    break;
                case "--output":
                    options = options with { Output = Value() ?? "" };
                    error = options.Output.Length == 0 ? "--output needs a file name." : null;
                    break;
                case "--kill":
                    var names = (Value() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = names.Where(name => !ResourceKiller.Killable.Contains(name)).ToList();
                    error = unknown.Count > 0 ? $"--kill names unknown resources {string.Join(", ", unknown)}; known: {string.Join(", ", ResourceKiller.Killable)}."
                        : names.Length == 0 ? "--kill needs a comma-separated list of resources (or omit it for all)." : null;
                    options = options with { Kill = names };
                    break;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    break;
            }
        }

        return error is null ? options : null;
    }

    private static double ReadDouble(string flag, string? text, double min, double max, ref string? error)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        error = $"{flag} needs a number from {min} to {max}, not '{text}'.";
        return min;
    }
}
