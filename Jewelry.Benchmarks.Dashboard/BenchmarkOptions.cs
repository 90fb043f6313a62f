using System.Globalization;

namespace Jewelry.Benchmarks.Dashboard;

internal sealed record BenchmarkOptions(int Spans, int Senders, int SpansPerTrace, int SpansPerRequest, int Queries, string? ConnectionString)
{
    public const int BigTraceSpans = 1_000;

    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Number(string name, int fallback) =>
            Value(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

        return new BenchmarkOptions(
            Spans: Number("--spans", 1_000_000),
            Senders: Number("--senders", 4),
            SpansPerTrace: Number("--spans-per-trace", 20),
            SpansPerRequest: Number("--spans-per-request", 500),
            Queries: Number("--queries", 200),
            ConnectionString: Value("--connection-string"));
    }
}
