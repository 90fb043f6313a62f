using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>Latency of the API calls an engineer makes, end to end over HTTP, with the store full.</summary>
internal sealed class QueryBenchmark(BenchmarkOptions options, DashboardServer dashboard, string connectionString, BenchmarkReport report)
{
    public async Task RunAsync()
    {
        await AnalyzeAsync();
        var random = new Random(42);
        var traces = report.Traces - 1;

        Console.Error.WriteLine($"Searching {options.Queries} random order ids...");
        for (var i = 0; i < 5; i++)
        {
            await OrderSearchAsync(random.Next(traces));
        }

        report.OrderSearch = await MeasureAsync(options.Queries, () => OrderSearchAsync(random.Next(traces)));

        Console.Error.WriteLine("Loading the 1,000-span trace...");
        var bigTrace = Convert.ToHexStringLower(IngestBenchmark.BigTraceId);
        await LoadTraceAsync(bigTrace);
        report.BigTraceLoad = await MeasureAsync(Math.Max(20, options.Queries / 4), () => LoadTraceAsync(bigTrace));
        report.BigTraceSearch = await MeasureAsync(20, async () =>
        {
            using var result = await GetAsync($"/api/traces?attr=order.id%3D{IngestBenchmark.BigTraceOrderId}");
            Expect(result.RootElement.GetProperty("traces").GetArrayLength() == 1, "the big trace found by its order id");
        });

        report.NewestPage = await MeasureAsync(50, async () =>
        {
            using var result = await GetAsync("/api/traces?limit=50");
            Expect(result.RootElement.GetProperty("traces").GetArrayLength() == 50, "a full first page");
        });
        report.ServiceErrorsPage = await MeasureAsync(50, async () =>
        {
            using var result = await GetAsync("/api/traces?service=mes-api&errorsOnly=true&minDuration=5ms&limit=50");
            Expect(result.RootElement.GetProperty("traces").GetArrayLength() == 50, "a full page of mes-api errors");
        });

        Console.Error.WriteLine("Order journeys, the stuck-orders report and stage statistics...");
        report.OrderJourney = await MeasureAsync(options.Queries, async () =>
        {
            using var result = await GetAsync($"/api/orders/{SpanGenerator.OrderId(random.Next(traces))}/journey");
            Expect(result.RootElement.GetProperty("spanCount").GetInt32() == options.SpansPerTrace, "the whole order in its journey");
        });
        report.StuckReport = await MeasureAsync(10, async () => (await GetAsync("/api/orders/stuck")).Dispose());
        report.StagesDay = await MeasureAsync(5, async () => (await GetAsync("/api/stages?window=24h")).Dispose());

        var status = await dashboard.StatusAsync();
        report.Tables = status.GetProperty("tables").EnumerateArray()
            .Select(t => (t.GetProperty("table").GetString()!, t.GetProperty("approximateRows").GetInt64(), t.GetProperty("totalBytes").GetInt64()))
            .ToList();
    }

    private async Task OrderSearchAsync(int trace)
    {
        using var result = await GetAsync($"/api/traces?attr=order.id%3D{SpanGenerator.OrderId(trace)}");
        var traces = result.RootElement.GetProperty("traces");
        Expect(traces.GetArrayLength() == 1 && traces[0].GetProperty("spanCount").GetInt32() == options.SpansPerTrace, $"order {trace} found whole");
    }

    private async Task LoadTraceAsync(string traceId)
    {
        using var result = await GetAsync($"/api/traces/{traceId}");
        Expect(result.RootElement.GetProperty("spans").GetArrayLength() == BenchmarkOptions.BigTraceSpans, "1,000 spans");
    }

    private async Task<JsonDocument> GetAsync(string url)
    {
        using var response = await dashboard.Api.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static async Task<LatencySummary> MeasureAsync(int count, Func<Task> call)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await call();
            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return LatencySummary.Of(samples);
    }

    /// <summary>Refreshes planner statistics (as autovacuum would) and records the order.id search plan.</summary>
    private async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            """
            EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
            SELECT t.trace_id FROM traces t
            WHERE t.trace_id IN (SELECT s.trace_id FROM spans s WHERE s.attributes @> '{"order.id":"ORD-00012345"}' OR s.attributes @> '{"order.id":["ORD-00012345"]}')
            ORDER BY t.start_time_unix_nano DESC, t.trace_id DESC LIMIT 51
            """,
            connection);
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            report.OrderSearchPlan.Add(reader.GetString(0));
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Unexpected result: expected " + what);
        }
    }
}
