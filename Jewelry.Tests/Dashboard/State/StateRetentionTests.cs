using System.Text.Json;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Orders.State;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Stages;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Tests.Dashboard.State;

/// <summary>
/// The state outlives raw spans: retention removing old spans leaves the stuck report and stage statistics as they
/// were; the state's own retention removes only what is older than it keeps.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class StateRetentionTests(DashboardFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly StageWindow _week = new(s_now - TimeSpan.FromDays(7), s_now);
    private NpgsqlDataSource _store = null!;
    private TelemetryStoreReadiness _readiness = null!;

    public async ValueTask InitializeAsync()
    {
        (_store, _readiness) = await EmptyTelemetryStore.CreateAsync(fixture, "stateretention");
        var batch = new TelemetryBatch(TelemetrySignal.Traces);
        batch.Spans.AddRange(new OrderTelemetryScenario(seed: 3, s_now, orders: 200).Spans);
        await new TelemetryWriter(_store).WriteAsync([batch], TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Removing_raw_spans_older_than_two_days_leaves_the_stuck_report_and_a_weeks_stage_statistics_unchanged()
    {
        var stuck = await StuckJsonAsync();
        var stages = JsonSerializer.Serialize(await Stages().GetAsync(_week, Ct));
        var cutoff = UnixNano.FromDateTimeOffset(s_now - TimeSpan.FromDays(2));
        var oldSpans = await CountAsync($"SELECT count(*) FROM spans WHERE end_time_unix_nano < {cutoff}");
        Assert.NotEqual(0, oldSpans);

        var removed = await new TelemetryRetention(_store, Options.Create(new RetentionOptions { MaxAge = TimeSpan.FromDays(2) })).EnforceAsync(s_now, Ct);

        Assert.NotEqual(0, removed.Spans);
        Assert.Equal(oldSpans - removed.Spans, await CountAsync($"SELECT count(*) FROM spans WHERE end_time_unix_nano < {cutoff}"));
        Assert.Equal(stuck, await StuckJsonAsync());
        Assert.Equal(stages, JsonSerializer.Serialize(await Stages().GetAsync(_week, Ct)));
    }

    [Fact]
    public async Task The_states_own_retention_removes_only_what_is_older_than_it_keeps()
    {
        var day = new StageWindow(s_now - TimeSpan.FromHours(24), s_now);
        var stages = JsonSerializer.Serialize(await Stages().GetAsync(day, Ct));
        var cutoff = UnixNano.FromDateTimeOffset(s_now - TimeSpan.FromDays(3));
        Assert.NotEqual(0, await CountAsync($"SELECT count(*) FROM order_transitions WHERE entered_at < {cutoff}"));

        var removed = await new StateRetention(_store, Options.Create(new StateRetentionOptions { KeepFor = TimeSpan.FromDays(3) })).EnforceAsync(s_now, Ct);

        Assert.NotEqual(0, removed);
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM order_transitions WHERE entered_at < {cutoff}"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM order_state WHERE last_at < {cutoff}"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM hop_rollups WHERE tier = {(short)RollupTier.Hour} AND bucket_start + {RollupTiers.HourNanoseconds} <= {cutoff}"));
        Assert.Equal(0, await CountAsync(
            $"SELECT count(*) FROM hop_rollups WHERE tier = {(short)RollupTier.Minute} AND bucket_start < {UnixNano.FromDateTimeOffset(s_now - RollupTiers.MinuteTierKeptFor)}"));
        Assert.NotEqual(0, await CountAsync($"SELECT count(*) FROM order_transitions WHERE entered_at >= {cutoff}"));
        Assert.Equal(stages, JsonSerializer.Serialize(await Stages().GetAsync(day, Ct)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IOptions<OrderTrackingOptions> Settings => Options.Create(new OrderTrackingOptions
    {
        LookBack = TimeSpan.FromDays(7),
        Statuses =
        [
            new() { Name = "INITIATED", Service = "shop-api", Stage = "Upload", Threshold = TimeSpan.FromDays(1) },
            new() { Name = "SUBMITTED", Service = "mes-api", Stage = "Pricing", Threshold = TimeSpan.FromHours(4) },
            new() { Name = "PRICE_CALCULATED", Service = "crm-api", Stage = "Approval", Threshold = TimeSpan.FromDays(2) },
            new() { Name = "CLOSED", Service = "crm-api", Stage = "Done" },
        ],
    });

    private StageStatisticsQueries Stages() => new(_store, _readiness, Settings, new ManualClock(s_now));

    private async Task<string> StuckJsonAsync() =>
        JsonSerializer.Serialize(await new StuckOrderQueries(_store, _readiness, Settings, new ManualClock(s_now)).GetAsync(Ct));

    private async Task<long> CountAsync(string sql)
    {
        await using var command = _store.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
