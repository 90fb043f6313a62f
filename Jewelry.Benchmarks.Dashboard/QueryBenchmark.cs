using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// Latency of the calls an engineer and the alert rules make, with the store full: the API end to end over HTTP, and
/// one alert evaluation through the dashboard's own evaluator. Each is called a few times first (not counted).
/// </summary>
internal sealed class QueryBenchmark(BenchmarkOptions options, DashboardServer dashboard, string connectionString, BenchmarkReport report)
{
    private const int WarmUp = 3;

    public async Task RunAsync(long orders)
    {
        await AnalyzeAsync();
        var random = new Random(42);
        string AnyOrder() => SpanGenerator.OrderId(random.NextInt64(orders));

        Console.Error.WriteLine($"Searching {options.Queries} random order ids, their journeys...");
        report.Queries["order search (order.id)"] = await MeasureAsync(options.Queries, () => OrderSearchAsync(AnyOrder()));
        report.Queries["order journey"] = await MeasureAsync(options.Queries, async () =>
        {
            using var result = await GetAsync($"/api/orders/{AnyOrder()}/journey");
            Expect(result.RootElement.GetProperty("spanCount").GetInt32() == options.SpansPerTrace, "the whole order in its journey");
        });

        Console.Error.WriteLine("The 1,000-span trace, trace lists...");
        var bigTrace = Convert.ToHexStringLower(IngestBenchmark.BigTraceId);
        report.Queries["load the 1,000-span trace"] = await MeasureAsync(Math.Max(20, options.Queries / 4), async () =>
        {
            using var result = await GetAsync($"/api/traces/{bigTrace}");
            Expect(result.RootElement.GetProperty("spans").GetArrayLength() == BenchmarkOptions.BigTraceSpans, "1,000 spans");
        });
        report.Queries["newest 50 traces"] = await MeasureAsync(50, async () =>
        {
            using var result = await GetAsync("/api/traces?limit=50");
            Expect(result.RootElement.GetProperty("traces").GetArrayLength() == 50, "a full first page");
        });
        report.Queries["service + errors + min duration"] = await MeasureAsync(50, async () =>
        {
            using var result = await GetAsync("/api/traces?service=mes-api&errorsOnly=true&minDuration=5ms&limit=50");
            Expect(result.RootElement.GetProperty("traces").GetArrayLength() == 50, "a full page of mes-api errors");
        });

        Console.Error.WriteLine($"Stuck-orders report, stage statistics 24 h and {options.Days} d, an alert evaluation ({options.HeavyQueries} each)...");
        report.Queries["stuck-orders report"] = await MeasureAsync(options.HeavyQueries, async () =>
        {
            using var result = await GetAsync("/api/orders/stuck");
            report.Answers["stuck-orders report"] = StuckAnswer(result.RootElement);
        });
        report.Queries["stage statistics, 24 h"] = await MeasureAsync(options.HeavyQueries, async () =>
        {
            using var result = await GetAsync("/api/stages?window=24h");
            report.Answers["stage statistics, 24 h"] = StagesAnswer(result.RootElement);
        });
        report.Queries[$"stage statistics, {options.Days} d"] = await MeasureAsync(options.HeavyQueries, async () =>
        {
            using var result = await GetAsync($"/api/stages?window={options.Days}d");
            report.Answers[$"stage statistics, {options.Days} d"] = StagesAnswer(result.RootElement);
        });

        await using var alerts = InProcessAlerts.Create(connectionString, dashboard.FrontendUrl, options.LookBack);
        report.AlertRules = alerts.Rules;
        report.Queries["alert evaluation (all rules)"] = await MeasureAsync(options.HeavyQueries, async () =>
        {
            var changes = await alerts.Evaluator.EvaluateAsync(CancellationToken.None);
            report.Answers["alert evaluation (all rules)"] = string.Create(CultureInfo.InvariantCulture, $"{changes.Rows.Count} alerts stored, {changes.Fired.Count} newly fired, {changes.Resolved.Count} resolved");
        });

        var status = await dashboard.StatusAsync();
        report.Tables = status.GetProperty("tables").EnumerateArray()
            .Select(t => new TableSize(t.GetProperty("table").GetString()!, t.GetProperty("approximateRows").GetInt64(), t.GetProperty("totalBytes").GetInt64()))
            .ToList();
    }

    private static string StuckAnswer(JsonElement report)
    {
        var stuck = report.TryGetProperty("stuckCounts", out var counts) ? counts.EnumerateArray().Sum(c => c.GetProperty("count").GetInt64()) : -1;
        var lost = report.TryGetProperty("lostMessages", out var messages) ? messages.GetArrayLength() : -1;
        var failures = report.TryGetProperty("failures", out var failed) ? failed.GetArrayLength() : -1;
        return string.Create(CultureInfo.InvariantCulture, $"{stuck:N0} orders past their threshold, {lost} lost messages, {failures} failures listed");
    }

    private static string StagesAnswer(JsonElement report)
    {
        var statuses = report.GetProperty("statuses");
        var transitions = statuses.EnumerateArray().Sum(s => s.GetProperty("transitions").GetInt64());
        var hops = report.GetProperty("hops").EnumerateArray().Sum(h => h.GetProperty("count").GetInt64());
        return string.Create(CultureInfo.InvariantCulture, $"{statuses.GetArrayLength()} statuses, {transitions:N0} transitions, {hops:N0} hop spans");
    }

    private async Task OrderSearchAsync(string orderId)
    {
        using var result = await GetAsync($"/api/traces?attr=order.id%3D{orderId}");
        var traces = result.RootElement.GetProperty("traces");
        Expect(traces.GetArrayLength() == 1 && traces[0].GetProperty("spanCount").GetInt32() == options.SpansPerTrace, $"order {orderId} found whole");
    }

    private async Task<JsonDocument> GetAsync(string url)
    {
        using var response = await dashboard.Api.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static async Task<LatencySummary> MeasureAsync(int count, Func<Task> call)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await call();
        }

        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await call();
            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return LatencySummary.Of(samples);
    }

    /// <summary>Refreshes planner statistics (as autovacuum would), counts the spans stored and records the order.id search plan.</summary>
    private async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        await using (var count = new NpgsqlCommand("SELECT count(*) FROM spans", connection))
        {
            report.StoredSpans = (long)(await count.ExecuteScalarAsync())!;
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
