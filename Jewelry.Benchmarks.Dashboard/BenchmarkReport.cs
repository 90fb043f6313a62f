using System.Globalization;
using System.Text.Json;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>What one run measured, as a table to read at a glance and as JSON with the same figures.</summary>
internal sealed class BenchmarkReport(BenchmarkOptions options)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The issue's goals, printed beside the figures: ingest and the p95 of the named queries.</summary>
    private const double IngestGoal = 50_000;
    private const double RatioGoal = 0.70;

    private static readonly Dictionary<string, double> s_p95Goals = new(StringComparer.Ordinal)
    {
        ["order journey"] = 20,
        ["stuck-orders report"] = 100,
        ["stage statistics, 24 h"] = 100,
    };

    public BenchmarkOptions Options => options;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public int Cores { get; } = Environment.ProcessorCount;

    public string Runtime { get; } = Environment.Version.ToString();

    /// <summary>The 1-minute load average at start, after the ingest and at the end (the machine is shared).</summary>
    public Dictionary<string, double> LoadAverage { get; } = [];

    public long Orders { get; set; }

    public long GeneratedSpans { get; set; }

    public double AttributesPerSpan { get; set; }

    public double EncodedBytesPerSpan { get; set; }

    public List<CopyLimitResult> CopyLimits { get; } = [];

    public IngestResult? Ingest { get; set; }

    /// <summary>The dashboard's rate over the mean of the limits measured before and after it.</summary>
    public double? IngestRatio => Ingest is null || CopyLimits.Count == 0 ? null : Ingest.SpansPerSecond / CopyLimits.Average(limit => limit.SpansPerSecond);

    public SteadyResult? Steady { get; set; }

    /// <summary>Rows in <c>spans</c> when the queries ran, counted.</summary>
    public long StoredSpans { get; set; }

    public Dictionary<string, LatencySummary> Queries { get; } = [];

    /// <summary>What the last call of each heavy query answered, to show the figures are of real answers.</summary>
    public Dictionary<string, string> Answers { get; } = [];

    public IReadOnlyList<string> AlertRules { get; set; } = [];

    public List<TableSize> Tables { get; set; } = [];

    public List<string> OrderSearchPlan { get; } = [];

    public void RecordLoad(string when)
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "0";
        LoadAverage[when] = double.Parse(text, CultureInfo.InvariantCulture);
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Jewelry.Dashboard benchmark, {StartedAt:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine($"  machine: {Cores} cores, .NET {Runtime}; senders, dashboard and PostgreSQL on the same machine; load average {string.Join(", ", LoadAverage.Select(l => string.Create(c, $"{l.Key} {l.Value:0.0}")))}");
        Console.WriteLine(string.Create(c, $"  data: {GeneratedSpans:N0} spans, {Orders:N0} orders of {options.SpansPerTrace} spans (and one of {BenchmarkOptions.BigTraceSpans:N0}), {AttributesPerSpan:0.0} attributes and {EncodedBytesPerSpan:N0} protobuf bytes per span"));
        Console.WriteLine(string.Create(c, $"        over {options.Days} days, {BenchmarkOptions.RecentShare:P0} of the orders in the last day, sent in the order the spans ended; look-back {options.Days} d"));
        Console.WriteLine(string.Create(c, $"  load: {options.Senders} OTLP/HTTP protobuf senders, {options.SpansPerRequest} spans per request, requests encoded before timing"));

        Console.WriteLine();
        Console.WriteLine("Ingest                                                                    spans/s    goal");
        foreach (var limit in CopyLimits)
        {
            Console.WriteLine(string.Create(c, $"  PostgreSQL limit {limit.When,-6}: binary COPY, {limit.Writers} writer(s), batches of {limit.BatchSize,-5:N0}  {limit.SpansPerSecond,9:N0}    ({limit.Spans:N0} rows in {limit.Seconds:0.0} s; rows decoded before timing)"));
        }

        if (Ingest is { } ingest)
        {
            Console.WriteLine(string.Create(c, $"  dashboard: OTLP/HTTP to stored                                          {ingest.SpansPerSecond,9:N0}    >= {IngestGoal:N0}  {Verdict(ingest.SpansPerSecond >= IngestGoal)}"));
            Console.WriteLine(string.Create(c, $"      ({ingest.Spans:N0} spans in {ingest.Seconds:0.0} s, all accepted after {ingest.AcceptedSeconds:0.0} s; {ingest.RefusedAndRetried:N0} requests refused and retried)"));
        }

        if (IngestRatio is { } ratio)
        {
            Console.WriteLine(string.Create(c, $"  dashboard / limit (mean of before and after)                            {ratio,9:P1}    >= {RatioGoal:P0}  {Verdict(ratio >= RatioGoal)}"));
        }

        if (Steady is { } steady)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"Steady rate: {steady.TargetSpansPerSecond:N0} spans/s for {steady.SendSeconds:0.0} s ({steady.Requests:N0} requests on schedule, sent at {steady.SentSpansPerSecond:N0} spans/s)"));
            Console.WriteLine(string.Create(c, $"  requests refused (503/429)   {steady.Refused,8:N0}    goal 0  {Verdict(steady.Refused == 0)}"));
            Console.WriteLine(string.Create(c, $"  requests failed otherwise    {steady.Failed,8:N0}"));
            Console.WriteLine(string.Create(c, $"  most records queued          {steady.MaxQueuedRecords,8:N0}"));
            Console.WriteLine(string.Create(c, $"  all written after the last   {steady.DrainSeconds,8:0.0} s  ({steady.Written:N0} spans written)"));
            Console.WriteLine(string.Create(c, $"  sender behind schedule, max  {steady.MaxBehindScheduleMs,8:0.0} ms"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Queries with {StoredSpans:N0} spans stored            p50 ms    p95 ms    max ms      n   goal p95"));
        foreach (var (name, latency) in Queries)
        {
            var goal = Goal(name) is { } ms ? string.Create(c, $"<= {ms:0} ms {Verdict(latency.P95 <= ms)}") : "";
            Console.WriteLine(string.Create(c, $"  {name,-38} {latency.P50,8:0.0}  {latency.P95,8:0.0}  {latency.Max,8:0.0}  {latency.Count,5}   {goal}"));
        }

        foreach (var (name, answer) in Answers)
        {
            Console.WriteLine($"  {name}: {answer}");
        }

        Console.WriteLine($"  alert rules evaluated: {string.Join(", ", AlertRules)}");

        Console.WriteLine();
        Console.WriteLine("Store");
        foreach (var table in Tables)
        {
            Console.WriteLine(string.Create(c, $"  {table.Table,-14} {table.Rows,12:N0} rows  {table.Bytes / 1024.0 / 1024.0,9:N1} MB (with indexes)"));
        }

        Console.WriteLine();
        Console.WriteLine("order.id search plan (EXPLAIN ANALYZE):");
        foreach (var line in OrderSearchPlan)
        {
            Console.WriteLine("  " + line);
        }
    }

    private static double? Goal(string query) =>
        s_p95Goals.TryGetValue(query, out var ms) ? ms : query.StartsWith("stage statistics", StringComparison.Ordinal) ? 100 : null;

    private static string Verdict(bool met) => met ? "met" : "NOT MET";
}
