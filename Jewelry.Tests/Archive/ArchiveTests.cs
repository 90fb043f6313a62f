using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Jewelry.Dashboard.Archive;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Retention;
using Jewelry.Tests.Dashboard;
using Microsoft.Extensions.Options;

namespace Jewelry.Tests.Archive;

/// <summary>
/// Archive to S3 through real PostgreSQL and the real S3 server: retention moves whole hours of old traces and logs to
/// gzip OTLP JSON objects before deleting them, and the admin import brings an old order's journey back exactly.
/// Each test uses days of its own, so the hours it archives and imports are its own.
/// </summary>
[Collection(ArchiveTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class ArchiveTests(ArchiveFixture fixture)
{
    private static readonly TimeSpan s_maxAge = TimeSpan.FromDays(7);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Archive_then_import_round_trips_an_orders_journey_and_its_spans_and_logs_exactly()
    {
        var hour = ArchiveKey.HourStart(DateTimeOffset.UtcNow.AddDays(-10)).AddMinutes(10);
        var order = StageTelemetry.NewOrder();
        var telemetry = new StageTelemetry("crm-api", hour);
        telemetry.Transition(order, "(new)", "INITIATED", 0);
        telemetry.Transition(order, "INITIATED", "FILE_UPLOADED", 30);
        telemetry.Hop(order, "PUT /api/orders/{id}/model", Jewelry.Dashboard.Otlp.Proto.Trace.Span.Types.SpanKind.Server, 29, 120, failed: false, SampleTelemetry.Attr("http.route", "/api/orders/{id}/model"));
        telemetry.Transition(order, "FILE_UPLOADED", "SUBMITTED", 60, failed: true);
        telemetry.Transition(order, "FILE_UPLOADED", "SUBMITTED", 90);
        telemetry.Transition(order, "SUBMITTED", "CLOSED", 120);
        // Every kind of attribute value, events, links, trace state, flags and dropped counts, under an order of its own
        // (its journey's pending message would age between the two reads).
        var richOrderId = Guid.NewGuid().ToString();
        var richTrace = SampleTelemetry.NewTraceId();
        var logs = SampleTelemetry.Logs("crm-api", richTrace, SampleTelemetry.NewSpanId(), order.Id, "Order " + order.Id + " failed");
        foreach (var record in logs.ResourceLogs[0].ScopeLogs[0].LogRecords)
        {
            record.TimeUnixNano = (ulong)UnixNano.FromDateTimeOffset(hour.AddMinutes(5));
        }

        await WriteAsync(
            TraceDecoder.Decode(telemetry.ToRequest()).Batch,
            TraceDecoder.Decode(SampleTelemetry.OrderTrace(richTrace, richOrderId, start: hour.AddMinutes(1))).Batch,
            LogDecoder.Decode(logs).Batch);
        var journeyBefore = await JourneyAsync(order.Id);
        var spansBefore = await RowsAsync(SpanRows, order.Id);
        var richSpansBefore = await RowsAsync(SpanRows, richOrderId);
        var logsBefore = await RowsAsync(LogRows, order.Id);
        Assert.Equal(HttpStatusCode.OK, journeyBefore.Status);
        Assert.Equal(telemetry.SpanCounts.Values.Sum(), spansBefore.Count);
        Assert.Equal(4, richSpansBefore.Count);
        Assert.Equal(2, logsBefore.Count);

        var removed = await Retention(fixture.Archive()).EnforceAsync(DateTimeOffset.UtcNow, Ct);

        Assert.True(removed.Spans >= spansBefore.Count + 4 && removed.Logs >= 2, $"retention removed {removed}");
        Assert.Empty(await RowsAsync(SpanRows, order.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await JourneyAsync(order.Id)).Status);
        var hourStart = ArchiveKey.HourStart(hour);
        var traceObject = await fixture.ReadObjectAsync(ArchiveKey.For(ArchiveSignal.Traces, hourStart, 0));
        Assert.Contains(order.Id, traceObject, StringComparison.Ordinal);
        Assert.Contains("\"resourceSpans\"", traceObject, StringComparison.Ordinal);
        Assert.Contains(order.Id, await fixture.ReadObjectAsync(ArchiveKey.For(ArchiveSignal.Logs, hourStart, 0)), StringComparison.Ordinal);

        using var import = await fixture.ImportAsync(hourStart, hourStart.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, result.GetProperty("objects").GetInt32());
        Assert.Equal(spansBefore.Count + 4, result.GetProperty("spans").GetInt64());
        Assert.Equal(0, result.GetProperty("corrupt").GetArrayLength());

        Assert.Equal(journeyBefore, await JourneyAsync(order.Id));
        Assert.Equal(spansBefore, await RowsAsync(SpanRows, order.Id));
        Assert.Equal(richSpansBefore, await RowsAsync(SpanRows, richOrderId));
        Assert.Equal(logsBefore, await RowsAsync(LogRows, order.Id));

        // Imported hours are kept, and neither archived twice nor removed, by the next runs.
        await Retention(fixture.Archive()).EnforceAsync(DateTimeOffset.UtcNow, Ct);
        Assert.Equal(spansBefore, await RowsAsync(SpanRows, order.Id));
        Assert.False(await fixture.ObjectExistsAsync(ArchiveKey.For(ArchiveSignal.Traces, hourStart, 1)));
    }

    [Fact]
    public async Task A_corrupt_archive_object_is_reported_by_name_and_skipped_while_the_others_are_imported()
    {
        var hour = ArchiveKey.HourStart(DateTimeOffset.UtcNow.AddDays(-12));
        var orderId = Guid.NewGuid().ToString();
        var traceId = SampleTelemetry.NewTraceId();
        await WriteAsync(TraceDecoder.Decode(SampleTelemetry.OrderTrace(traceId, orderId, start: hour.AddMinutes(3))).Batch);
        await Retention(fixture.Archive()).EnforceAsync(DateTimeOffset.UtcNow, Ct);
        Assert.Empty(await RowsAsync(SpanRows, orderId));

        var notGzip = ArchiveKey.For(ArchiveSignal.Traces, hour.AddHours(1), 0);
        var notOtlp = ArchiveKey.For(ArchiveSignal.Traces, hour.AddHours(2), 0);
        await PutAsync(notGzip, "this is not gzip"u8.ToArray());
        await PutAsync(notOtlp, Gzip("{\"resourceSpans\": [{\"scopeSpans\": 7}]"u8.ToArray()));
        var notMetrics = ArchiveKey.For(ArchiveSignal.Metrics, hour.AddHours(1), 0);
        await PutAsync(notMetrics, Gzip("{\"resourceMetrics\": 5}"u8.ToArray()));

        using var import = await fixture.ImportAsync(hour, hour.AddHours(3));

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var corrupt = result.GetProperty("corrupt").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("reason").GetString());
        Assert.Equal([notMetrics, notGzip, notOtlp], corrupt.Keys.Order(StringComparer.Ordinal));
        Assert.All(corrupt.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        Assert.Equal(1, result.GetProperty("objects").GetInt32());
        Assert.Equal(4, (await RowsAsync(SpanRows, orderId)).Count);
    }

    [Fact]
    public async Task An_hour_the_store_cannot_take_stays_in_the_database_and_is_counted()
    {
        var hour = ArchiveKey.HourStart(DateTimeOffset.UtcNow.AddDays(-14));
        var orderId = Guid.NewGuid().ToString();
        await WriteAsync(TraceDecoder.Decode(SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), orderId, start: hour.AddMinutes(7))).Batch);
        var counters = fixture.Counters();
        var archive = fixture.Archive(fixture.UnreachableS3(), counters);

        var removed = await Retention(archive).EnforceAsync(DateTimeOffset.UtcNow, Ct);

        Assert.Equal(0, removed.Spans);
        Assert.Equal(4, (await RowsAsync(SpanRows, orderId)).Count);
        Assert.Equal(1, counters.Failures);
        Assert.Equal(0, counters.Written);

        // The store is back: the next run archives the hour.
        await Retention(fixture.Archive()).EnforceAsync(DateTimeOffset.UtcNow, Ct);
        Assert.Empty(await RowsAsync(SpanRows, orderId));
        Assert.True(await fixture.ObjectExistsAsync(ArchiveKey.For(ArchiveSignal.Traces, hour, 0)));
    }

    [Fact]
    public async Task With_the_archive_off_retention_deletes_as_before_and_writes_nothing_to_s3()
    {
        var hour = ArchiveKey.HourStart(DateTimeOffset.UtcNow.AddDays(-16));
        var orderId = Guid.NewGuid().ToString();
        await WriteAsync(TraceDecoder.Decode(SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), orderId, start: hour.AddMinutes(2))).Batch);

        var removed = await Retention(archive: null).EnforceAsync(DateTimeOffset.UtcNow, Ct);

        Assert.True(removed.Spans >= 4);
        Assert.Empty(await RowsAsync(SpanRows, orderId));
        var listed = await fixture.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Bucket, Prefix = ArchiveKey.DayPrefix(ArchiveSignal.Traces, hour) }, Ct);
        Assert.Empty(listed.S3Objects ?? []);
    }

    [Theory]
    [InlineData(null, "2026-01-02T00:00:00Z", "from")]
    [InlineData("2026-01-01T00:00:00Z", null, "to")]
    [InlineData("yesterday", "2026-01-02T00:00:00Z", "from")]
    [InlineData("2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", "to")]
    [InlineData("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", "to")]
    public async Task Bad_ranges_get_problem_details_naming_the_parameter_and_import_nothing(string? from, string? to, string parameter)
    {
        var importsBefore = await CountImportsAsync();
        var query = string.Join("&", new[] { ("from", from), ("to", to) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

        using var response = await fixture.Admin.PostAsync($"/api/archive/import?{query}", content: null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(importsBefore, await CountImportsAsync());
    }

    [Fact]
    public async Task Only_admins_import()
    {
        using var developer = await DashboardSignIn.SignInAsync(fixture.Dashboard.FrontendUrl, DemoUsers.DeveloperName, DemoUsers.DeveloperPassword, Ct);
        using var response = await developer.PostAsync("/api/archive/import?from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z", content: null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private const string SpanRows = """
        SELECT concat_ws('|', encode(trace_id, 'hex'), encode(span_id, 'hex'), encode(parent_span_id, 'hex'), trace_state, flags, service_name,
               scope_name, scope_version, scope_attributes::text, name, kind, start_time_unix_nano, end_time_unix_nano, status_code,
               status_message, attributes::text, dropped_attributes_count, events::text, dropped_events_count, links::text, dropped_links_count)
        FROM spans WHERE trace_id IN (SELECT trace_id FROM spans WHERE attributes @> jsonb_build_object('order.id', @order))
        ORDER BY span_id
        """;

    private const string LogRows = """
        SELECT concat_ws('|', time_unix_nano, service_name, scope_name, severity_number, severity_text, body, attributes::text,
               dropped_attributes_count, encode(trace_id, 'hex'), encode(span_id, 'hex'), flags, event_name)
        FROM logs WHERE attributes @> jsonb_build_object('order.id', @order)
        ORDER BY time_unix_nano, body
        """;

    private TelemetryRetention Retention(TelemetryArchive? archive) =>
        new(fixture.DataSource, Options.Create(new RetentionOptions { MaxAge = s_maxAge, MaxSpans = null, MaxLogRecords = null, MaxMetricPoints = null }), archive);

    private async Task WriteAsync(params TelemetryBatch[] batches) => await new TelemetryWriter(fixture.DataSource).WriteAsync(batches, Ct);

    private async Task<(HttpStatusCode Status, string Body)> JourneyAsync(string orderId)
    {
        using var response = await fixture.Admin.GetAsync($"/api/orders/{orderId}/journey", Ct);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(Ct) : string.Empty);
    }

    private Task<List<string>> RowsAsync(string sql, string orderId) => ArchiveFixture.RowsAsync(fixture.DataSource, sql, ("order", orderId));

    private async Task<long> CountImportsAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM archive_imports");
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task PutAsync(string key, byte[] content)
    {
        using var body = new MemoryStream(content);
        await fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = fixture.Bucket, Key = key, InputStream = body }, Ct);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
