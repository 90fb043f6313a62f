using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Jewelry.Dashboard.Otlp;
using Jewelry.Dashboard.Otlp.Proto.Common;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StatusCode = Grpc.Core.StatusCode;

namespace Jewelry.Tests.Dashboard;

/// <summary>OTLP/gRPC as real clients speak it: gzip request messages, the API key, and the request size limit.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class OtlpGrpcTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_gzip_compressed_export_from_the_sdk_exporter_lands()
    {
        var service = $"sdk-gzip-{Guid.NewGuid():N}"[..20];
        var sourceName = "Jewelry.Tests." + service;
        using var wire = new RecordingHandler();
        string traceId;
        using (var source = new ActivitySource(sourceName))
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
                   .AddSource(sourceName)
                   .AddOtlpExporter(options =>
                   {
                       options.Protocol = OtlpExportProtocol.Grpc;
                       options.Endpoint = fixture.Dashboard.OtlpGrpcUrl;
                       options.Headers = $"{OtlpOptions.ApiKeyHeaderName}={fixture.Dashboard.ApiKey}";
                       options.Compression = OtlpExportCompression.GZip;
                       options.ExportProcessorType = ExportProcessorType.Simple;
                       options.HttpClientFactory = () => new HttpClient(wire, disposeHandler: false);
                   })
                   .Build())
        {
            using (var root = source.StartActivity("POST /orders", ActivityKind.Server)!)
            {
                traceId = root.TraceId.ToHexString();
                using var insert = source.StartActivity("INSERT shopdb.orders", ActivityKind.Client);
            }

            tracing.ForceFlush();
        }

        using var trace = await fixture.Api.WaitForTraceAsync(traceId, 2);
        Assert.All(trace.RootElement.GetProperty("spans").EnumerateArray(), s => Assert.Equal(service, s.GetProperty("serviceName").GetString()));

        // What the exporter sent: gzip declared, and every message's compressed flag set.
        Assert.NotEmpty(wire.Requests);
        Assert.All(wire.Requests, request =>
        {
            Assert.Equal("gzip", request.GrpcEncoding);
            Assert.Equal(1, request.FirstByte);
        });
    }

    [Fact]
    public async Task A_call_without_the_api_key_or_with_a_wrong_one_is_unauthenticated_and_stores_nothing()
    {
        using var anonymous = new OtlpGrpcTestClient(fixture.Dashboard) { ApiKey = null };
        using var wrong = new OtlpGrpcTestClient(fixture.Dashboard) { ApiKey = "not-the-key" };
        using var keyed = new OtlpGrpcTestClient(fixture.Dashboard);
        var refused = SampleTelemetry.NewTraceId();
        var accepted = SampleTelemetry.NewTraceId();
        var receivedBefore = await fixture.Api.CounterAsync("traces", "received");

        var missingKey = await Assert.ThrowsAsync<RpcException>(() => anonymous.ExportAsync(SampleTelemetry.OrderTrace(refused, "ORD-GRPC-NOKEY")));
        var wrongKey = await Assert.ThrowsAsync<RpcException>(() => wrong.ExportAsync(SampleTelemetry.OrderTrace(refused, "ORD-GRPC-NOKEY"), gzip: true));
        var response = await keyed.ExportAsync(SampleTelemetry.OrderTrace(accepted, "ORD-GRPC-KEY"), gzip: true);

        Assert.Equal(StatusCode.Unauthenticated, missingKey.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrongKey.StatusCode);
        Assert.Null(response.PartialSuccess);
        (await fixture.Api.WaitForTraceAsync(SampleTelemetry.Hex(accepted), 4)).Dispose();
        Assert.Null(await fixture.Api.GetTraceAsync(SampleTelemetry.Hex(refused)));
        Assert.Equal(receivedBefore + 4, await fixture.Api.CounterAsync("traces", "received"));
    }

    [Fact]
    public async Task A_request_past_the_size_limit_compressed_or_not_is_refused_and_stores_nothing()
    {
        using var grpc = new OtlpGrpcTestClient(fixture.Dashboard);
        using var http = new OtlpTestClient(fixture.Dashboard);
        var traceId = SampleTelemetry.NewTraceId();
        var oversized = SampleTelemetry.OrderTrace(traceId, "ORD-TOO-LARGE");
        oversized.ResourceSpans[0].ScopeSpans[0].Spans[0].Attributes.Add(new KeyValue
        {
            Key = "padding",
            Value = new AnyValue { StringValue = new string('x', DashboardFixture.MaxRequestBytes) },
        });
        var receivedBefore = await fixture.Api.CounterAsync("traces", "received");

        // Compressed, the message is a few kilobytes: only inflating it passes the limit.
        var inflated = await Assert.ThrowsAsync<RpcException>(() => grpc.ExportAsync(oversized, gzip: true));
        var plain = await Assert.ThrowsAsync<RpcException>(() => grpc.ExportAsync(oversized));
        using var httpGzip = await http.PostProtobufAsync("/v1/traces", oversized, gzip: true);

        Assert.Equal(StatusCode.ResourceExhausted, inflated.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, plain.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, httpGzip.StatusCode);

        var marker = SampleTelemetry.NewTraceId();
        await grpc.ExportAsync(SampleTelemetry.OrderTrace(marker, "ORD-AFTER-TOO-LARGE"), gzip: true);
        (await fixture.Api.WaitForTraceAsync(SampleTelemetry.Hex(marker), 4)).Dispose();
        Assert.Null(await fixture.Api.GetTraceAsync(SampleTelemetry.Hex(traceId)));
        Assert.Equal(receivedBefore + 4, await fixture.Api.CounterAsync("traces", "received"));
    }
}
