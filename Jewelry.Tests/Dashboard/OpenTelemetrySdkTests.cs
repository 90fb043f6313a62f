using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Real OTLP from the OpenTelemetry .NET SDK exporter (the one the services use), over gRPC and http/protobuf:
/// it lands, is found by trace id, service and order.id, and the span tree comes back whole.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class OpenTelemetrySdkTests(DashboardFixture fixture)
{
    private static readonly string[] _orderTags = ["ring", "gold"];
    private static readonly double[] _orderWeights = [1.5, 2.25];

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Spans_and_logs_exported_by_the_sdk_are_found_by_trace_id_service_and_order_id(OtlpExportProtocol protocol)
    {
        var service = $"sdk-{protocol}-{Guid.NewGuid():N}"[..24].ToLowerInvariant();
        var orderId = "ORD-SDK-" + Guid.NewGuid().ToString("N")[..10];
        var sourceName = "Jewelry.Tests." + service;
        var endpoint = protocol == OtlpExportProtocol.Grpc ? fixture.Dashboard.OtlpGrpcUrl : fixture.Dashboard.OtlpHttpUrl;

        void ConfigureExporter(OtlpExporterOptions options)
        {
            options.Protocol = protocol;
            options.Endpoint = protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint, "/v1/traces");
            options.Headers = $"x-otlp-api-key={fixture.Dashboard.ApiKey}";
            options.ExportProcessorType = ExportProcessorType.Simple;
        }

        var resource = ResourceBuilder.CreateEmpty().AddService(service, serviceVersion: "2.0.0", serviceInstanceId: "instance-1");
        string traceId;
        string rootSpanId;
        using (var source = new ActivitySource(sourceName))
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(sourceName).AddOtlpExporter(ConfigureExporter).Build())
        using (var logging = LoggerFactory.Create(logs => logs.AddOpenTelemetry(options =>
               {
                   options.SetResourceBuilder(resource);
                   options.AddOtlpExporter(exporter =>
                   {
                       ConfigureExporter(exporter);
                       exporter.Endpoint = protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint, "/v1/logs");
                   });
               })))
        {
            var logger = logging.CreateLogger("Orders");
            using (var server = source.StartActivity("POST /orders", ActivityKind.Server)!)
            {
                server.SetTag("order.id", orderId);
                server.SetTag("http.request.method", "POST");
                server.SetTag("http.response.status_code", 201);
                server.SetTag("order.tags", _orderTags);
                server.SetTag("order.weights", _orderWeights);
                traceId = server.TraceId.ToHexString();
                rootSpanId = server.SpanId.ToHexString();
                using (var db = source.StartActivity("INSERT shopdb.orders", ActivityKind.Client)!)
                {
                    db.SetTag("order.id", orderId);
                    db.SetTag("db.system.name", "postgresql");
                    db.AddEvent(new ActivityEvent("row.inserted"));
                }

                using (var publish = source.StartActivity("price-requests publish", ActivityKind.Producer)!)
                {
                    publish.SetTag("order.id", orderId);
                    publish.SetStatus(ActivityStatusCode.Error, "broker refused");
                    using var nested = source.StartActivity("confirm", ActivityKind.Internal)!;
                    nested.SetTag("order.id", orderId);
                }

#pragma warning disable CA1848, CA2254 // A test: one log line, not a hot path.
                logger.LogWarning("Order {OrderId} waits for a price", orderId);
#pragma warning restore CA1848, CA2254
            }

            tracing.ForceFlush();
            logging.Dispose();
        }

        using var trace = await fixture.Api.WaitForTraceAsync(traceId, 4);
        var spans = trace.RootElement.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(4, spans.Count);
        Assert.All(spans, s => Assert.Equal(service, s.GetProperty("serviceName").GetString()));

        // The tree is whole: one root, every other span's parent is in the trace.
        var ids = spans.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
        var root = Assert.Single(spans, s => s.GetProperty("parentSpanId").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal(rootSpanId, root.GetProperty("spanId").GetString());
        Assert.All(spans.Where(s => s.GetProperty("parentSpanId").ValueKind != System.Text.Json.JsonValueKind.Null),
            s => Assert.Contains(s.GetProperty("parentSpanId").GetString(), ids));
        Assert.Equal("""["ring","gold"]""", root.GetProperty("attributes").GetProperty("order.tags").GetRawText());
        Assert.Equal("""[1.5,2.25]""", root.GetProperty("attributes").GetProperty("order.weights").GetRawText());
        Assert.Equal(201, root.GetProperty("attributes").GetProperty("http.response.status_code").GetInt32());

        var byOrder = await fixture.Api.SearchTraceIdsAsync($"attr=order.id={orderId}");
        var byService = await fixture.Api.SearchTraceIdsAsync($"service={service}");
        var summary = (await fixture.Api.GetJsonAsync($"/api/traces?service={service}")).GetProperty("traces")[0];
        Assert.Equal([traceId], byOrder);
        Assert.Equal([traceId], byService);
        Assert.Equal("POST /orders", summary.GetProperty("rootSpanName").GetString());
        Assert.Equal(4, summary.GetProperty("spanCount").GetInt32());
        Assert.Equal(1, summary.GetProperty("errorCount").GetInt32());

        var logs = await Poll.UntilAsync(
            () => fixture.Api.GetJsonAsync($"/api/logs?traceId={traceId}"),
            r => r.GetProperty("logs").GetArrayLength() == 1,
            TimeSpan.FromSeconds(20),
            "the log record of the trace");
        var log = logs.GetProperty("logs")[0];
        Assert.Equal("warning", log.GetProperty("level").GetString());
        Assert.Equal(rootSpanId, log.GetProperty("spanId").GetString());
        Assert.Equal(service, log.GetProperty("serviceName").GetString());
    }
}
