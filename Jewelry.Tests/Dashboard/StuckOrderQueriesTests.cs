using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// The stuck-orders report over status spans written straight into a store of its own: which orders are past
/// their status's threshold, in what order, and which failures are resolved by a later status.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class StuckOrderQueriesTests(DashboardFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly ResourceRecord _resource = new(7, "crm-api", null, """{"service.name":"crm-api"}""", 0);
    private readonly ScopeRecord _scope = new("test", null, null);
    private NpgsqlDataSource _dataSource = null!;
    private TelemetryStoreReadiness _readiness = null!;

    public async ValueTask InitializeAsync()
    {
        (_dataSource, _readiness) = await EmptyTelemetryStore.CreateAsync(fixture, "stuck");
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Orders_past_their_latest_statuss_threshold_are_listed_most_overdue_first_and_later_statuses_resolve_failures()
    {
        var fourTimesOver = Guid.NewGuid().ToString();
        var threeTimesOver = Guid.NewGuid().ToString();
        var movedOn = Guid.NewGuid().ToString();
        var withinThreshold = Guid.NewGuid().ToString();
        var unknownStatus = Guid.NewGuid().ToString();
        var closed = Guid.NewGuid().ToString();
        var beforeTheWindow = Guid.NewGuid().ToString();

        await WriteAsync(
            Transition(fourTimesOver, "SUBMITTED", TimeSpan.FromMinutes(20)),
            Transition(fourTimesOver, "PRICE_CALCULATED", TimeSpan.FromMinutes(10), failed: true),
            Transition(threeTimesOver, "INITIATED", TimeSpan.FromDays(3)),
            Transition(movedOn, "SUBMITTED", TimeSpan.FromMinutes(30)),
            Transition(movedOn, "PRICE_CALCULATED", TimeSpan.FromMinutes(28), failed: true),
            Transition(movedOn, "PRICE_CALCULATED", TimeSpan.FromMinutes(25)),
            Transition(withinThreshold, "PRICE_CALCULATED", TimeSpan.FromHours(1)),
            Transition(unknownStatus, "MYSTERY", TimeSpan.FromDays(5)),
            Transition(closed, "CLOSED", TimeSpan.FromDays(6)),
            Transition(beforeTheWindow, "INITIATED", TimeSpan.FromDays(8)));

        var report = await Queries().GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal([fourTimesOver, threeTimesOver], report.StuckOrders.Select(o => o.OrderId));
        var first = report.StuckOrders[0];
        Assert.Equal("SUBMITTED", first.Status);
        Assert.Equal(TimeSpan.FromMinutes(20).TotalMilliseconds, first.WaitingMs);
        Assert.Equal(TimeSpan.FromMinutes(5).TotalMilliseconds, first.ThresholdMs);
        Assert.Equal("mes-api", first.Service);
        Assert.Equal("Price calculation in the MES", first.Stage);
        Assert.Equal("mes.price-requests", first.Queue);
        Assert.Equal(s_now - TimeSpan.FromMinutes(20), first.Since);
        Assert.Equal("order.transition SUBMITTED -> PRICE_CALCULATED", first.LastActivity?.Name);
        Assert.Equal(s_now - TimeSpan.FromMinutes(10), first.LastActivity?.At);
        Assert.Contains("the row changed", first.LastActivity?.Error, StringComparison.Ordinal);
        Assert.Equal("INITIATED", report.StuckOrders[1].Status);

        Assert.Equal(
            [(fourTimesOver, false), (movedOn, true)],
            report.Failures.Select(f => (f.OrderId, f.Resolved)));
    }

    [Fact]
    public async Task Every_overdue_order_is_counted_per_status_although_only_the_most_overdue_are_listed()
    {
        // 230 orders twice over SUBMITTED's 5 min and more; 4 orders 1.5 times over PRICE_CALCULATED's 2 days: less overdue, so not listed.
        var submitted = Enumerable.Range(0, StuckOrderQueries.MaxRows + 30)
            .Select(i => Transition(Guid.NewGuid().ToString(), "SUBMITTED", TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(i)));
        var priced = Enumerable.Range(0, 4).Select(_ => Transition(Guid.NewGuid().ToString(), "PRICE_CALCULATED", TimeSpan.FromDays(3)));
        await WriteAsync([.. submitted, .. priced]);

        var report = await Queries().GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal(StuckOrderQueries.MaxRows, report.StuckOrders.Count);
        Assert.All(report.StuckOrders, order => Assert.Equal("SUBMITTED", order.Status));
        Assert.Equal(
            [("PRICE_CALCULATED", 4L, TimeSpan.FromDays(3).TotalMilliseconds), ("SUBMITTED", StuckOrderQueries.MaxRows + 30L, (TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(229)).TotalMilliseconds)],
            report.StuckCounts.OrderBy(count => count.Status, StringComparer.Ordinal).Select(count => (count.Status, count.Count, count.LongestWaitingMs)));
    }

    private StuckOrderQueries Queries() => new(
        _dataSource,
        _readiness,
        Options.Create(new OrderTrackingOptions
        {
            LookBack = TimeSpan.FromDays(7),
            LostMessageAfter = TimeSpan.FromMinutes(2),
            Statuses =
            [
                new() { Name = "INITIATED", Service = "shop-api", Stage = "Customer uploads the 3D model", Threshold = TimeSpan.FromDays(1) },
                new() { Name = "SUBMITTED", Service = "mes-api", Stage = "Price calculation in the MES", Threshold = TimeSpan.FromMinutes(5), Queue = "mes.price-requests" },
                new() { Name = "PRICE_CALCULATED", Service = "crm-api", Stage = "Operator approves the price for manufacturing", Threshold = TimeSpan.FromDays(2) },
                new() { Name = "CLOSED", Service = "crm-api", Stage = "Done" },
            ],
        }),
        new ManualClock(s_now));

    /// <summary>A status change <paramref name="ago"/> before now, as the services record it.</summary>
    private SpanRecord Transition(string orderId, string to, TimeSpan ago, bool failed = false)
    {
        var end = UnixNano.FromDateTimeOffset(s_now - ago);
        return new SpanRecord
        {
            TraceId = SampleTelemetry.NewTraceId(),
            SpanId = SampleTelemetry.NewSpanId(),
            Resource = _resource,
            Scope = _scope,
            Name = $"order.transition SUBMITTED -> {to}",
            StartTimeUnixNano = end - 1_000_000,
            EndTimeUnixNano = end,
            StatusCode = (short)(failed ? 2 : 0),
            StatusMessage = failed ? "The transition was not saved: the row changed" : null,
            AttributesJson = $$"""{"order.id": "{{orderId}}", "order.status.to": "{{to}}"}""",
        };
    }

    private async Task WriteAsync(params SpanRecord[] spans)
    {
        var batch = new TelemetryBatch(TelemetrySignal.Traces);
        batch.Spans.AddRange(spans);
        await new TelemetryWriter(_dataSource).WriteAsync([batch], TestContext.Current.CancellationToken);
    }
}
