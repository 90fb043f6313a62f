using Jewelry.Dashboard.Archive;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Retention;
using Jewelry.Tests.Dashboard;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Tests.Archive;

/// <summary>
/// Size limits with the archive on: what a limit removes goes to S3 first, in its hours' objects, and the rest of an hour
/// cut that way goes to a second object of that hour; while S3 fails, the store keeps at most the limit plus the margin.
/// Each test has a database of its own, since a size limit acts on everything in it.
/// </summary>
[Collection(ArchiveTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class ArchiveSizeLimitTests(ArchiveFixture fixture)
{
    private const string TraceRows = "SELECT to_jsonb(t)::text FROM traces t ORDER BY 1";
    private const string SpanRows = "SELECT to_jsonb(s)::text FROM spans s ORDER BY 1";
    private const string LogRows = "SELECT (to_jsonb(l) - 'log_id')::text FROM logs l ORDER BY log_id";
    private const string PointRows = "SELECT (to_jsonb(m) - 'point_id')::text FROM metric_points m ORDER BY 1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Size_limits_archive_the_oldest_rows_in_their_hours_objects_and_age_archives_the_rest_of_the_hour_to_a_second_object()
    {
        await using var store = await fixture.NewStoreAsync();
        var hour = ArchiveKey.HourStart(DateTimeOffset.UtcNow.AddDays(-22));
        var olderTrace = SampleTelemetry.NewTraceId();
        var newerTrace = SampleTelemetry.NewTraceId();
        await WriteAsync(store, TraceDecoder.Decode(SampleTelemetry.OrderTrace(olderTrace, Guid.NewGuid().ToString(), start: hour.AddMinutes(1))).Batch);
        await WriteAsync(store, TraceDecoder.Decode(SampleTelemetry.OrderTrace(newerTrace, Guid.NewGuid().ToString(), start: hour.AddMinutes(30))).Batch);
        await WriteAsync(store, LogDecoder.Decode(Logs("older", hour.AddMinutes(40))).Batch);
        await WriteAsync(store, LogDecoder.Decode(Logs("newer", hour.AddMinutes(10))).Batch);
        var olderService = $"archive-limit-{Guid.NewGuid():N}";
        await WriteAsync(store, MetricDecoder.Decode(ArchiveMetricTests.EveryMetricType(olderService, hour.AddMinutes(50))).Batch);
        await WriteAsync(store, MetricDecoder.Decode(ArchiveMetricTests.EveryMetricType($"archive-limit-{Guid.NewGuid():N}", hour.AddMinutes(5))).Batch);
        var before = await SnapshotAsync(store);
        Assert.Equal(8, before.Spans.Count);
        Assert.Equal(4, before.Logs.Count);
        Assert.Equal(22, before.Points.Count);

        var bySize = await Retention(store, new RetentionOptions { MaxAge = null, MaxSpans = 4, MaxLogRecords = 2, MaxMetricPoints = 11 }).EnforceAsync(DateTimeOffset.UtcNow, Ct);

        Assert.Equal(new RetentionResult(1, 4, 2, 11), bySize);
        // The oldest trace by start; the first-arrived records and points, whatever their time.
        var cut = await SnapshotAsync(store);
        Assert.Equal(before.Spans.Where(s => s.Contains(SampleTelemetry.Hex(newerTrace), StringComparison.Ordinal)), cut.Spans);
        Assert.Equal(before.Logs[2..], cut.Logs);
        Assert.Equal(before.Points.Where(p => !p.Contains(olderService, StringComparison.Ordinal)), cut.Points);
        var traces = await fixture.ReadObjectAsync(ArchiveKey.For(ArchiveSignal.Traces, hour, 0));
        Assert.Contains(SampleTelemetry.Hex(olderTrace), traces, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleTelemetry.Hex(newerTrace), traces, StringComparison.Ordinal);
        Assert.Contains("older", await fixture.ReadObjectAsync(ArchiveKey.For(ArchiveSignal.Logs, hour, 0)), StringComparison.Ordinal);
        Assert.Contains(olderService, await fixture.ReadObjectAsync(ArchiveKey.For(ArchiveSignal.Metrics, hour, 0)), StringComparison.Ordinal);

        var byAge = await Retention(store, new RetentionOptions { MaxAge = TimeSpan.FromDays(7), MaxSpans = null, MaxLogRecords = null, MaxMetricPoints = null })
            .EnforceAsync(DateTimeOffset.UtcNow, Ct);

        Assert.Equal(new RetentionResult(1, 4, 2, 11), byAge);
        new Snapshot([], [], [], []).AssertEqual(await SnapshotAsync(store));
        foreach (var signal in Enum.GetValues<ArchiveSignal>())
        {
            Assert.True(await fixture.ObjectExistsAsync(ArchiveKey.For(signal, hour, 1)), $"{signal} of the rest of the hour");
        }

        var imported = await fixture.Importer(store).ImportAsync(hour, hour.AddHours(1), Ct);

        Assert.Equal(6, imported.Objects);
        Assert.Empty(imported.Corrupt);
        before.AssertEqual(await SnapshotAsync(store));
    }

    [Fact]
    public async Task While_s3_fails_a_size_limit_keeps_the_store_within_its_margin_and_counts_what_it_deleted_unarchived()
    {
        await using var store = await fixture.NewStoreAsync();
        var hour = ArchiveKey.HourStart(DateTimeOffset.UtcNow.AddDays(-24));
        for (var i = 0; i < 4; i++)
        {
            await WriteAsync(store, TraceDecoder.Decode(SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), Guid.NewGuid().ToString(), start: hour.AddMinutes(i))).Batch);
        }

        for (var i = 0; i < 15; i++)
        {
            await WriteAsync(store, LogDecoder.Decode(Logs($"log {i}", hour.AddMinutes(i))).Batch);
        }

        var service = $"archive-margin-{Guid.NewGuid():N}";
        await WriteAsync(
            store,
            MetricDecoder.Decode(ArchiveMetricTests.EveryMetricType(service, hour.AddMinutes(3))).Batch,
            MetricDecoder.Decode(ArchiveMetricTests.EveryMetricType(service, hour.AddMinutes(4))).Batch);
        var before = await SnapshotAsync(store);
        Assert.Equal(16, before.Spans.Count);
        Assert.Equal(30, before.Logs.Count);
        Assert.Equal(22, before.Points.Count);
        var limits = new RetentionOptions { MaxAge = null, MaxSpans = 12, MaxLogRecords = 20, MaxMetricPoints = 10 };
        var failing = fixture.Counters();

        var removed = await Retention(store, limits, fixture.Archive(fixture.UnreachableS3(), failing, store)).EnforceAsync(DateTimeOffset.UtcNow, Ct);

        // 10 % over each limit stays: up to 14 spans (12 + 2; whole traces of 4: 12), 22 log records (20 + 2), 11 metric
        // points (10 + 1); the oldest beyond go unarchived.
        Assert.Equal(new RetentionResult(1, 4, 8, 11), removed);
        Assert.Equal(3, failing.Failures);
        Assert.Equal(0, failing.Written);
        Assert.Equal(4 + 8 + 11, failing.Unarchived);
        var kept = await SnapshotAsync(store);
        Assert.Equal(12, kept.Spans.Count);
        Assert.Equal(before.Logs[8..], kept.Logs);
        Assert.Equal(11, kept.Points.Count);

        // S3 is back: what is over the limits is archived and only then deleted.
        var working = fixture.Counters();
        removed = await Retention(store, limits, fixture.Archive(counters: working, dataSource: store)).EnforceAsync(DateTimeOffset.UtcNow, Ct);

        Assert.Equal(new RetentionResult(0, 0, 2, 1), removed);
        Assert.Equal(2, working.Written);
        Assert.Equal(0, working.Unarchived);
        Assert.Equal(before.Logs[10..], (await SnapshotAsync(store)).Logs);
        Assert.True(await fixture.ObjectExistsAsync(ArchiveKey.For(ArchiveSignal.Logs, hour, 0)));
        Assert.True(await fixture.ObjectExistsAsync(ArchiveKey.For(ArchiveSignal.Metrics, hour, 0)));
    }

    private sealed record Snapshot(List<string> Traces, List<string> Spans, List<string> Logs, List<string> Points)
    {
        public void AssertEqual(Snapshot actual)
        {
            Assert.Equal(Traces, actual.Traces);
            Assert.Equal(Spans, actual.Spans);
            Assert.Equal(Logs, actual.Logs);
            Assert.Equal(Points, actual.Points);
        }
    }

    private TelemetryRetention Retention(NpgsqlDataSource store, RetentionOptions limits, TelemetryArchive? archive = null) =>
        new(store, Options.Create(limits), archive ?? fixture.Archive(dataSource: store));

    private static Jewelry.Dashboard.Otlp.Proto.Collector.Logs.ExportLogsServiceRequest Logs(string message, DateTimeOffset time)
    {
        var logs = SampleTelemetry.Logs("crm-api", SampleTelemetry.NewTraceId(), SampleTelemetry.NewSpanId(), Guid.NewGuid().ToString(), message);
        foreach (var record in logs.ResourceLogs[0].ScopeLogs[0].LogRecords)
        {
            record.TimeUnixNano = (ulong)UnixNano.FromDateTimeOffset(time);
        }

        return logs;
    }

    private static async Task WriteAsync(NpgsqlDataSource store, params TelemetryBatch[] batches) => await new TelemetryWriter(store).WriteAsync(batches, Ct);

    private static async Task<Snapshot> SnapshotAsync(NpgsqlDataSource store) => new(
        await ArchiveFixture.RowsAsync(store, TraceRows),
        await ArchiveFixture.RowsAsync(store, SpanRows),
        await ArchiveFixture.RowsAsync(store, LogRows),
        await ArchiveFixture.RowsAsync(store, PointRows));
}
