using System.Globalization;

namespace Jewelry.Benchmarks.Dashboard;

internal sealed class BenchmarkReport(BenchmarkOptions options)
{
    public int Traces { get; set; }

    public long IngestedSpans { get; set; }

    public TimeSpan IngestDuration { get; set; }

    public TimeSpan AcceptDuration { get; set; }

    public long RejectedRequests { get; set; }

    public LatencySummary? OrderSearch { get; set; }

    public LatencySummary? BigTraceLoad { get; set; }

    public LatencySummary? BigTraceSearch { get; set; }

    public LatencySummary? NewestPage { get; set; }

    public LatencySummary? ServiceErrorsPage { get; set; }

    public LatencySummary? OrderJourney { get; set; }

    public LatencySummary? StuckReport { get; set; }

    public LatencySummary? StagesDay { get; set; }

    public List<string> OrderSearchPlan { get; } = [];

    public List<(string Table, long Rows, long Bytes)> Tables { get; set; } = [];

    public void Print()
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("Jewelry.Dashboard benchmark");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; dashboard and PostgreSQL on the same machine");
        Console.WriteLine($"  load: {options.Senders} concurrent OTLP/HTTP protobuf senders, {options.SpansPerRequest} spans per request, 12 attributes per span");
        Console.WriteLine();
        Console.WriteLine("Ingest");
        Console.WriteLine(string.Create(culture, $"  spans stored          {IngestedSpans,12:N0} in {Traces:N0} traces"));
        Console.WriteLine(string.Create(culture, $"  time to store all     {IngestDuration.TotalSeconds,12:0.0} s  (all requests accepted after {AcceptDuration.TotalSeconds:0.0} s)"));
        Console.WriteLine(string.Create(culture, $"  sustained ingest rate {IngestedSpans / IngestDuration.TotalSeconds,12:N0} spans/s"));
        Console.WriteLine(string.Create(culture, $"  requests refused (503, queue full, retried): {RejectedRequests:N0}"));
        Console.WriteLine();
        Console.WriteLine(string.Create(culture, $"Queries over HTTP with {IngestedSpans:N0} spans stored"));
        Console.WriteLine($"  order.id search (20-span trace)      {OrderSearch}");
        Console.WriteLine($"  load the 1,000-span trace            {BigTraceLoad}");
        Console.WriteLine($"  order.id search (1,000-span trace)    {BigTraceSearch}");
        Console.WriteLine($"  newest 50 traces                     {NewestPage}");
        Console.WriteLine($"  service + errors + min duration      {ServiceErrorsPage}");
        Console.WriteLine($"  order journey (20 spans)             {OrderJourney}");
        Console.WriteLine($"  stuck and lost orders report         {StuckReport}");
        Console.WriteLine($"  stage statistics, 24 h window        {StagesDay}");
        Console.WriteLine();
        Console.WriteLine("Store");
        foreach (var (table, rows, bytes) in Tables)
        {
            Console.WriteLine(string.Create(culture, $"  {table,-14} {rows,12:N0} rows  {bytes / 1024.0 / 1024.0,9:N1} MB (with indexes)"));
        }

        Console.WriteLine();
        Console.WriteLine("order.id search plan (EXPLAIN ANALYZE):");
        foreach (var line in OrderSearchPlan)
        {
            Console.WriteLine("  " + line);
        }
    }
}
