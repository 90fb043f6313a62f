using System.Globalization;

namespace Jewelry.Benchmarks.Dashboard;

internal sealed record BenchmarkOptions(
    int Spans,
    int Senders,
    int SpansPerTrace,
    int SpansPerRequest,
    int Queries,
    int HeavyQueries,
    int SteadyRate,
    int SteadySeconds,
    int Days,
    int? CopyWriters,
    string? ConnectionString,
    string Output)
{
    public const int BigTraceSpans = 1_000;

    /// <summary>Of the orders, the share that starts in the last day; the rest spread over the days before.</summary>
    public const double RecentShare = 0.3;

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
            SpansPerTrace: Math.Max(4, Number("--spans-per-trace", 20)),
            SpansPerRequest: Number("--spans-per-request", 500),
            Queries: Number("--queries", 200),
            HeavyQueries: Number("--heavy-queries", 20),
            SteadyRate: Number("--steady-rate", 20_000),
            SteadySeconds: Number("--steady-seconds", 30),
            Days: Math.Max(1, Number("--days", 30)),
            CopyWriters: Value("--copy-writers") is null ? null : Number("--copy-writers", 1),
            ConnectionString: Value("--connection-string"),
            Output: Value("--output") ?? "dashboard-benchmark.json");
    }

    /// <summary>How far back the dashboard looks (<c>Dashboard:Orders:LookBack</c>): the whole generated history, so a window of <see cref="Days"/> can be asked.</summary>
    public TimeSpan LookBack => TimeSpan.FromDays(Days);
}
