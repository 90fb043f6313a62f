using System.Text.Json;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Stages;
using Jewelry.Dashboard.Storage;
using Jewelry.Tests.Dashboard.Oracles;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Tests.Dashboard.State;

/// <summary>
/// The state kept at ingest answers the same however the telemetry arrives: in order, or shuffled, in batches of any
/// size and sent twice (a re-sent OTLP batch); and the same as the raw-span queries it replaced, on the same data.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class OrderStateReplayTests(DashboardFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly OrderTelemetryScenario _scenario = new(seed: 15, s_now, orders: 400);
    private NpgsqlDataSource _inOrder = null!;
    private NpgsqlDataSource _replayed = null!;
    private TelemetryStoreReadiness _readiness = null!;

    public async ValueTask InitializeAsync()
    {
        (_inOrder, _readiness) = await EmptyTelemetryStore.CreateAsync(fixture, "inorder");
        (_replayed, _) = await EmptyTelemetryStore.CreateAsync(fixture, "replayed");
        await WriteAsync(_inOrder, [_scenario.Spans.OrderBy(span => span.EndTimeUnixNano).ToList()]);

        var random = new Random(7);
        var shuffled = _scenario.Spans.OrderBy(_ => random.Next()).ToList();
        var again = _scenario.Spans.OrderBy(_ => random.Next()).ToList();
        await WriteAsync(_replayed, [.. Chunks(shuffled, random), .. Chunks(again, random), [again[0], again[0], again[1]]]);
    }

    public async ValueTask DisposeAsync()
    {
        await _inOrder.DisposeAsync();
        await _replayed.DisposeAsync();
    }

    [Fact]
    public async Task Shuffled_and_twice_sent_telemetry_gives_the_same_state_as_telemetry_in_order()
    {
        foreach (var table in new[] { "order_state", "order_transitions", "published_messages", "consumed_messages", "order_failures" })
        {
            var expected = await DumpAsync(_inOrder, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await DumpAsync(_replayed, table));
        }
    }

    [Fact]
    public async Task The_stuck_report_from_state_is_the_same_after_a_shuffled_replay_and_the_same_as_from_raw_spans()
    {
        var fromState = Json(await new StuckOrderQueries(_inOrder, _readiness, Settings, new ManualClock(s_now)).GetAsync(Ct));
        var report = JsonSerializer.Deserialize<JsonElement>(fromState);
        Assert.NotEqual(0, report.GetProperty("StuckOrders").GetArrayLength());
        Assert.NotEqual(0, report.GetProperty("LostMessages").GetArrayLength());
        Assert.NotEqual(0, report.GetProperty("DeadLettered").GetArrayLength());
        Assert.NotEqual(0, report.GetProperty("Failures").GetArrayLength());

        Assert.Equal(fromState, Json(await new StuckOrderQueries(_replayed, _readiness, Settings, new ManualClock(s_now)).GetAsync(Ct)));
        Assert.Equal(fromState, Json(await new RawSpanStuckOrderQueries(_inOrder, _readiness, Settings, new ManualClock(s_now)).GetAsync(Ct)));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(24 * 7)]
    public async Task Stage_statistics_from_state_are_the_same_after_a_shuffled_replay_and_match_the_raw_span_queries(int hours)
    {
        var window = new StageWindow(s_now - TimeSpan.FromHours(hours), s_now);
        var fromState = await Stages(_inOrder).GetAsync(window, Ct);
        Assert.NotEmpty(fromState.Statuses);
        Assert.NotEmpty(fromState.Hops);
        Assert.Equal(JsonSerializer.Serialize(fromState), JsonSerializer.Serialize(await Stages(_replayed).GetAsync(window, Ct)));

        // Both are counted over whole buckets: the raw query over the same buckets (its window ends are inclusive).
        var raw = new RawSpanStageStatisticsQueries(_inOrder, _readiness, Settings);
        var counted = fromState.CountedWindow!;
        var exact = await raw.GetAsync(counted with { To = counted.To - TimeSpan.FromTicks(1) }, Ct);
        Assert.Equal(exact.Statuses.Count, fromState.Statuses.Count);
        foreach (var (status, expected) in fromState.Statuses.Zip(exact.Statuses))
        {
            Assert.Equal(
                JsonSerializer.Serialize(expected with { P50Ms = 0, P95Ms = 0, P99Ms = 0 }),
                JsonSerializer.Serialize(status with { P50Ms = 0, P95Ms = 0, P99Ms = 0 }));
            AssertWithinHistogramError([(status.P50Ms, expected.P50Ms), (status.P95Ms, expected.P95Ms), (status.P99Ms, expected.P99Ms)]);
        }

        var rawHops = exact.Hops.ToDictionary(hop => (hop.Kind, hop.Service, hop.Name));
        Assert.Equal(rawHops.Count, fromState.Hops.Count);
        foreach (var hop in fromState.Hops)
        {
            var expected = rawHops[(hop.Kind, hop.Service, hop.Name)];
            Assert.Equal(
                JsonSerializer.Serialize(expected with { P50Ms = 0, P95Ms = 0, P99Ms = 0 }),
                JsonSerializer.Serialize(hop with { P50Ms = 0, P95Ms = 0, P99Ms = 0 }));
            AssertWithinHistogramError([(hop.P50Ms, expected.P50Ms), (hop.P95Ms, expected.P95Ms), (hop.P99Ms, expected.P99Ms)]);
        }
    }

    private static void AssertWithinHistogramError(IEnumerable<(double? Actual, double? Exact)> percentiles)
    {
        foreach (var (actual, exact) in percentiles)
        {
            Assert.Equal(exact is null, actual is null);
            if (exact is { } value)
            {
                Assert.InRange(actual!.Value, value * (1 - LatencyHistogram.RelativeError), value * (1 + LatencyHistogram.RelativeError));
            }
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StageStatisticsQueries Stages(NpgsqlDataSource store) => new(store, _readiness, Settings, new ManualClock(s_now));

    private static IOptions<OrderTrackingOptions> Settings => Options.Create(new OrderTrackingOptions
    {
        LookBack = TimeSpan.FromDays(7),
        LostMessageAfter = TimeSpan.FromMinutes(2),
        Queues = new Dictionary<string, string> { [OrderTelemetryScenario.PriceRequestsRoutingKey] = "mes.price-requests" },
        Statuses =
        [
            new() { Name = "INITIATED", Service = "shop-api", Stage = "Customer uploads the 3D model", Threshold = TimeSpan.FromDays(1) },
            new() { Name = "SUBMITTED", Service = "mes-api", Stage = "Price calculation in the MES", Threshold = TimeSpan.FromHours(4), Queue = "mes.price-requests" },
            new() { Name = "PRICE_CALCULATED", Service = "crm-api", Stage = "Operator approves the price", Threshold = TimeSpan.FromDays(2) },
            new() { Name = "CLOSED", Service = "crm-api", Stage = "Done" },
        ],
    });

    /// <summary>The report as JSON, its per-status counts (a set) in one order.</summary>
    private static string Json(StuckOrdersReport report) =>
        JsonSerializer.Serialize(report with { StuckCounts = [.. report.StuckCounts.OrderBy(count => count.Status, StringComparer.Ordinal)] });

    private static IEnumerable<List<SpanRecord>> Chunks(List<SpanRecord> spans, Random random)
    {
        for (var i = 0; i < spans.Count;)
        {
            var size = random.Next(1, 120);
            yield return spans.GetRange(i, Math.Min(size, spans.Count - i));
            i += size;
        }
    }

    private static async Task WriteAsync(NpgsqlDataSource store, IEnumerable<List<SpanRecord>> chunks)
    {
        var writer = new TelemetryWriter(store, new ManualClock(s_now));
        foreach (var chunk in chunks)
        {
            var batch = new TelemetryBatch(TelemetrySignal.Traces);
            batch.Spans.AddRange(chunk);
            await writer.WriteAsync([batch], Ct);
        }
    }

    /// <summary>Every row of <paramref name="table"/> as text, in a fixed order.</summary>
    private static async Task<List<string>> DumpAsync(NpgsqlDataSource store, string table)
    {
        await using var command = store.CreateCommand($"SELECT t::text FROM {table} t ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
