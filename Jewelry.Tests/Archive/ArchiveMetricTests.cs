using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Dashboard.Archive;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Metrics;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Retention;
using Jewelry.Tests.Dashboard;
using Microsoft.Extensions.Options;

namespace Jewelry.Tests.Archive;

/// <summary>
/// Metric points in the archive: retention by age writes an hour of them as an OTLP JSON
/// <c>ExportMetricsServiceRequest</c>, and the admin import stores every column of every metric type back as it was.
/// </summary>
[Collection(ArchiveTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class ArchiveMetricTests(ArchiveFixture fixture)
{
    /// <summary>Every column but the point id, which a new row gets anew.</summary>
    internal const string PointRows = """
        SELECT concat_ws('|', time_unix_nano, start_time_unix_nano, resource_id, service_name, scope_name, metric_name,
               coalesce(description, '<null>'), coalesce(unit, '<null>'), metric_type, temporality, is_monotonic, attributes::text,
               coalesce(value::text, '<null>'), coalesce(count::text, '<null>'), coalesce(data::text, '<null>'), flags)
        FROM metric_points WHERE service_name = @service
        ORDER BY 1
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Archive_then_import_round_trips_metric_points_of_every_type_exactly()
    {
        var hour = ArchiveKey.HourStart(DateTimeOffset.UtcNow.AddDays(-18));
        var service = $"archive-metrics-{Guid.NewGuid():N}";
        await new TelemetryWriter(fixture.DataSource).WriteAsync([MetricDecoder.Decode(EveryMetricType(service, hour.AddMinutes(20))).Batch], Ct);
        var before = await RowsAsync(service);
        Assert.Equal(11, before.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], before.Select(r => r.Split('|')[8]).Distinct().Order());

        var removed = await new TelemetryRetention(
            fixture.DataSource, Options.Create(new RetentionOptions { MaxAge = TimeSpan.FromDays(7), MaxSpans = null, MaxLogRecords = null, MaxMetricPoints = null }),
            fixture.Archive()).EnforceAsync(DateTimeOffset.UtcNow, Ct);

        Assert.True(removed.MetricPoints >= before.Count, $"retention removed {removed}");
        Assert.Empty(await RowsAsync(service));
        var archived = await fixture.ReadObjectAsync(ArchiveKey.For(ArchiveSignal.Metrics, hour, 0));
        Assert.Contains("\"resourceMetrics\"", archived, StringComparison.Ordinal);
        Assert.Contains(service, archived, StringComparison.Ordinal);

        using var import = await fixture.ImportAsync(hour, hour.AddHours(1));

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(before.Count, result.GetProperty("metricPoints").GetInt64());
        Assert.Equal(0, result.GetProperty("corrupt").GetArrayLength());
        Assert.Equal(before, await RowsAsync(service));
        await using (var marked = fixture.DataSource.CreateCommand("SELECT count(*) FROM archive_imports WHERE signal = 'metrics' AND hour_start = @hour"))
        {
            marked.Parameters.AddWithValue("hour", UnixNano.FromDateTimeOffset(hour));
            Assert.Equal(1L, await marked.ExecuteScalarAsync(Ct));
        }

        // The imported hour is kept, and neither archived twice nor removed, by the next run.
        await new TelemetryRetention(
            fixture.DataSource, Options.Create(new RetentionOptions { MaxAge = TimeSpan.FromDays(7), MaxSpans = null, MaxLogRecords = null, MaxMetricPoints = null }),
            fixture.Archive()).EnforceAsync(DateTimeOffset.UtcNow, Ct);
        Assert.Equal(before, await RowsAsync(service));
        Assert.False(await fixture.ObjectExistsAsync(ArchiveKey.For(ArchiveSignal.Metrics, hour, 1)));
    }

    /// <summary>
    /// Gauges (int, double, NaN), sums of both temporalities and monotonicities, histograms with and without sum, min and
    /// max and a bucket count past 2^53, exponential histograms with both bucket ranges or one, a summary; descriptions,
    /// units, flags, start times and attributes of every value type on some and not on others.
    /// </summary>
    internal static ExportMetricsServiceRequest EveryMetricType(string service, DateTimeOffset time)
    {
        var t = (ulong)UnixNano.FromDateTimeOffset(time);
        var start = t - 60_000_000_000;
        var attributes = new[]
        {
            SampleTelemetry.Attr("http.route", "/api/orders/{id}"),
            new KeyValue { Key = "retries", Value = new AnyValue { IntValue = 3 } },
            new KeyValue { Key = "ratio", Value = new AnyValue { DoubleValue = 0.25 } },
            new KeyValue { Key = "cached", Value = new AnyValue { BoolValue = true } },
            new KeyValue { Key = "tags", Value = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { StringValue = "a" }, new AnyValue { IntValue = 2 } } } } },
            new KeyValue { Key = "map", Value = new AnyValue { KvlistValue = new KeyValueList { Values = { SampleTelemetry.Attr("inner", "x") } } } },
        };
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "Jewelry.Archive.Tests" } };
        scope.Metrics.Add(new Metric
        {
            Name = "queue.depth",
            Description = "Messages waiting",
            Unit = "{message}",
            Gauge = new Gauge
            {
                DataPoints =
                {
                    new NumberDataPoint { AsInt = 7, TimeUnixNano = t, Attributes = { attributes } },
                    new NumberDataPoint { AsDouble = 4.123456789012345, TimeUnixNano = t + 1, StartTimeUnixNano = start, Flags = 1 },
                    new NumberDataPoint { AsDouble = double.NaN, TimeUnixNano = t + 2 },
                },
            },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "orders.submitted",
            Unit = "{order}",
            Sum = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative, DataPoints = { new NumberDataPoint { AsInt = 42, TimeUnixNano = t, StartTimeUnixNano = start } } },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "orders.submitted",
            Unit = "{order}",
            Sum = new Sum { AggregationTemporality = AggregationTemporality.Delta, DataPoints = { new NumberDataPoint { AsDouble = -2.5, TimeUnixNano = t, StartTimeUnixNano = start, Attributes = { attributes[0] } } } },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "http.server.request.duration",
            Description = "Duration of HTTP server requests.",
            Unit = "s",
            Histogram = new Histogram
            {
                AggregationTemporality = AggregationTemporality.Cumulative,
                DataPoints =
                {
                    new HistogramDataPoint
                    {
                        Count = 9_007_199_254_740_995, Sum = 0.6, Min = 0.001, Max = 12.5, BucketCounts = { 1, 9_007_199_254_740_993, 1 },
                        ExplicitBounds = { 0.1, 0.5 }, TimeUnixNano = t, StartTimeUnixNano = start, Attributes = { attributes }, Flags = 1,
                    },
                    new HistogramDataPoint { Count = 0, TimeUnixNano = t + 1 },
                },
            },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "price.calculation.duration",
            Unit = "ms",
            ExponentialHistogram = new ExponentialHistogram
            {
                AggregationTemporality = AggregationTemporality.Delta,
                DataPoints =
                {
                    new ExponentialHistogramDataPoint
                    {
                        Count = 12, Sum = 80.75, Min = 0.5, Max = 30, Scale = -2, ZeroCount = 3, ZeroThreshold = 1e-9,
                        Positive = new ExponentialHistogramDataPoint.Types.Buckets { Offset = -1, BucketCounts = { 2, 0, 4 } },
                        Negative = new ExponentialHistogramDataPoint.Types.Buckets { Offset = 2, BucketCounts = { 3 } },
                        TimeUnixNano = t, StartTimeUnixNano = start, Attributes = { attributes[1] },
                    },
                    new ExponentialHistogramDataPoint
                    {
                        Count = 1, Scale = 3, Positive = new ExponentialHistogramDataPoint.Types.Buckets { BucketCounts = { 1 } }, TimeUnixNano = t + 1,
                    },
                },
            },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "mesh.volume",
            Unit = "cm3",
            Summary = new Summary
            {
                DataPoints =
                {
                    new SummaryDataPoint
                    {
                        Count = 5, Sum = 17.5, TimeUnixNano = t, StartTimeUnixNano = start,
                        QuantileValues = { Quantile(0, 0.5), Quantile(0.5, 3.25), Quantile(1, 9) },
                    },
                },
            },
        });
        var other = new ScopeMetrics { Scope = new InstrumentationScope { Name = "Jewelry.Archive.Tests.Other" } };
        other.Metrics.Add(new Metric { Name = "queue.depth", Gauge = new Gauge { DataPoints = { new NumberDataPoint { AsDouble = 1, TimeUnixNano = t } } } });
        return new ExportMetricsServiceRequest { ResourceMetrics = { new ResourceMetrics { Resource = SampleTelemetry.ServiceResource(service), ScopeMetrics = { scope, other } } } };
    }

    private static SummaryDataPoint.Types.ValueAtQuantile Quantile(double quantile, double value) => new() { Quantile = quantile, Value = value };

    private Task<List<string>> RowsAsync(string service) => ArchiveFixture.RowsAsync(fixture.DataSource, PointRows, ("service", service));
}
