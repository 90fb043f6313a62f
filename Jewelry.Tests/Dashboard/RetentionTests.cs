using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>Retention against a real database of its own: what is past the age or size limit goes, whole traces at a time, and nothing else.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class RetentionTests(DashboardFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset _now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource _dataSource = null!;
    private TelemetryStoreReadiness _readiness = null!;
    private TelemetryWriter _writer = null!;

    public async ValueTask InitializeAsync()
    {
        (_dataSource, _readiness) = await EmptyTelemetryStore.CreateAsync(fixture, "retention");
        _writer = new TelemetryWriter(_dataSource);
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Max_age_removes_old_traces_logs_and_metric_points_and_keeps_everything_newer()
    {
        var expired = await WriteTraceAsync(_now.AddDays(-8), spanCount: 3);
        var straddling = await WriteTraceAsync(_now.AddDays(-7).AddMinutes(-1), spanCount: 2, lastSpanEndsAfter: TimeSpan.FromMinutes(5));
        var recent = await WriteTraceAsync(_now.AddHours(-1), spanCount: 4);
        await WriteLogAndMetricAsync(_now.AddDays(-9));
        await WriteLogAndMetricAsync(_now.AddMinutes(-5));

        var result = await Retention(maxAge: TimeSpan.FromDays(7)).EnforceAsync(_now, TestContext.Current.CancellationToken);

        Assert.Equal(new RetentionResult(1, 3, 1, 1), result);
        Assert.Equal(0, await CountAsync("spans", expired));
        Assert.Equal(0, await CountAsync("traces", expired));
        Assert.Equal(2, await CountAsync("spans", straddling));
        Assert.Equal(4, await CountAsync("spans", recent));
        Assert.Equal(1, await CountAsync("logs"));
        Assert.Equal(1, await CountAsync("metric_points"));

        var again = await Retention(maxAge: TimeSpan.FromDays(7)).EnforceAsync(_now, TestContext.Current.CancellationToken);
        Assert.Equal(RetentionResult.None, again);
    }

    [Fact]
    public async Task Max_spans_removes_the_oldest_whole_traces_until_the_rest_fits()
    {
        var oldest = await WriteTraceAsync(_now.AddHours(-4), spanCount: 5);
        var older = await WriteTraceAsync(_now.AddHours(-3), spanCount: 5);
        var newer = await WriteTraceAsync(_now.AddHours(-2), spanCount: 5);
        var newest = await WriteTraceAsync(_now.AddHours(-1), spanCount: 5);

        // 20 spans, at most 12 kept: the two newest traces (10 spans) fit, a third would not.
        var result = await Retention(maxSpans: 12).EnforceAsync(_now, TestContext.Current.CancellationToken);

        Assert.Equal(new RetentionResult(2, 10, 0, 0), result);
        Assert.Equal(0, await CountAsync("spans", oldest));
        Assert.Equal(0, await CountAsync("spans", older));
        Assert.Equal(5, await CountAsync("spans", newer));
        Assert.Equal(5, await CountAsync("spans", newest));
        Assert.Equal(2, await CountAsync("traces"));
    }

    [Fact]
    public async Task Max_log_records_removes_the_oldest_records_only()
    {
        for (var i = 0; i < 5; i++)
        {
            await WriteLogAndMetricAsync(_now.AddMinutes(-10 + i), body: "log " + i);
        }

        var result = await Retention(maxLogs: 2, maxPoints: 3).EnforceAsync(_now, TestContext.Current.CancellationToken);

        Assert.Equal(new RetentionResult(0, 0, 3, 2), result);
        await using var command = _dataSource.CreateCommand("SELECT string_agg(body, ',' ORDER BY body) FROM logs");
        Assert.Equal("log 3,log 4", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, await CountAsync("metric_points"));
    }

    [Fact]
    public async Task Limits_an_admin_stored_override_the_configured_ones_from_the_next_run()
    {
        var older = await WriteTraceAsync(_now.AddHours(-2), spanCount: 5);
        var newer = await WriteTraceAsync(_now.AddHours(-1), spanCount: 5);
        var retention = Retention(maxSpans: 100);
        Assert.Equal(RetentionResult.None, await retention.EnforceAsync(_now, TestContext.Current.CancellationToken));

        var stored = new RetentionLimits(TimeSpan.FromDays(30), 5, null, null);
        await new RetentionSettingsStore(_dataSource).SaveAsync(stored, "admin", _now, TestContext.Current.CancellationToken);
        var result = await retention.EnforceAsync(_now, TestContext.Current.CancellationToken);

        Assert.Equal(new RetentionResult(1, 5, 0, 0), result);
        Assert.Equal(0, await CountAsync("spans", older));
        Assert.Equal(5, await CountAsync("spans", newer));
        Assert.Equal(stored, await retention.GetEffectiveLimitsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Audit_entries_older_than_the_configured_audit_age_go_and_an_admins_limits_do_not_touch_them()
    {
        await WriteAuditEntryAsync(_now.AddDays(-400), "/api/traces/old");
        await WriteAuditEntryAsync(_now.AddDays(-364), "/api/traces/kept");
        await WriteAuditEntryAsync(_now.AddMinutes(-1), "/api/traces/recent");

        // An admin's one-minute age limit applies to telemetry, not to the record of what admins did.
        await new RetentionSettingsStore(_dataSource).SaveAsync(new RetentionLimits(TimeSpan.FromMinutes(1), null, null, null), "admin", _now, TestContext.Current.CancellationToken);
        var result = await Retention(maxAuditAge: TimeSpan.FromDays(365)).EnforceAsync(_now, TestContext.Current.CancellationToken);

        Assert.Equal(new RetentionResult(0, 0, 0, 0, AuditEntries: 1), result);
        await using var command = _dataSource.CreateCommand("SELECT string_agg(path, ',' ORDER BY time) FROM audit_log");
        Assert.Equal("/api/traces/kept,/api/traces/recent", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RetentionResult.None, await Retention(maxAuditAge: null).EnforceAsync(_now.AddYears(10), TestContext.Current.CancellationToken));
        Assert.Equal(2, await CountAsync("audit_log"));
    }

    private TelemetryRetention Retention(TimeSpan? maxAge = null, long? maxSpans = null, long? maxLogs = null, long? maxPoints = null, TimeSpan? maxAuditAge = null) =>
        new(_dataSource, Options.Create(new RetentionOptions { MaxAge = maxAge, MaxSpans = maxSpans, MaxLogRecords = maxLogs, MaxMetricPoints = maxPoints, MaxAuditAge = maxAuditAge }));

    private async Task WriteAuditEntryAsync(DateTimeOffset time, string path) =>
        await new AuditLog(_dataSource, _readiness).WriteAsync(
            new AuditEntry(0, time, "developer", "developer", "GET", path, "", 200, 1.5, null), TestContext.Current.CancellationToken);

    private async Task<byte[]> WriteTraceAsync(DateTimeOffset start, int spanCount, TimeSpan? lastSpanEndsAfter = null)
    {
        var traceId = SampleTelemetry.NewTraceId();
        var resource = new ResourceRecord(42, "retention-service", null, """{"service.name":"retention-service"}""", 0);
        var scope = new ScopeRecord("test", null, null);
        var batch = new TelemetryBatch(TelemetrySignal.Traces);
        var startNano = UnixNano.FromDateTimeOffset(start);
        for (var i = 0; i < spanCount; i++)
        {
            var end = i == spanCount - 1 && lastSpanEndsAfter is { } after
                ? UnixNano.FromDateTimeOffset(_now - TimeSpan.FromDays(7) + after)
                : startNano + 1_000_000;
            batch.Spans.Add(new SpanRecord
            {
                TraceId = traceId,
                SpanId = SampleTelemetry.NewSpanId(),
                Resource = resource,
                Scope = scope,
                Name = "span " + i,
                StartTimeUnixNano = startNano,
                EndTimeUnixNano = end,
                AttributesJson = "{}",
            });
        }

        await _writer.WriteAsync([batch], TestContext.Current.CancellationToken);
        return traceId;
    }

    private async Task WriteLogAndMetricAsync(DateTimeOffset time, string body = "log")
    {
        var resource = new ResourceRecord(42, "retention-service", null, """{"service.name":"retention-service"}""", 0);
        var scope = new ScopeRecord("test", null, null);
        var logs = new TelemetryBatch(TelemetrySignal.Logs);
        logs.Logs.Add(new LogEntryRecord { TimeUnixNano = UnixNano.FromDateTimeOffset(time), ObservedTimeUnixNano = UnixNano.FromDateTimeOffset(time), Resource = resource, Scope = scope, Body = body, AttributesJson = "{}" });
        var metrics = new TelemetryBatch(TelemetrySignal.Metrics);
        metrics.MetricPoints.Add(new MetricPointRecord { TimeUnixNano = UnixNano.FromDateTimeOffset(time), Resource = resource, Scope = scope, MetricName = "m", Type = MetricType.Gauge, AttributesJson = "{}", Value = 1 });
        await _writer.WriteAsync([logs, metrics], TestContext.Current.CancellationToken);
    }

    private async Task<long> CountAsync(string table, byte[]? traceId = null)
    {
        await using var command = _dataSource.CreateCommand($"SELECT count(*) FROM {table}" + (traceId is null ? "" : " WHERE trace_id = $1"));
        if (traceId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = traceId });
        }

        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
