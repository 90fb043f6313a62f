using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>OTLP in: protobuf, JSON and gRPC decode alike; bad input is refused and changes nothing; the API key is enforced.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class OtlpIngestTests(DashboardFixture fixture)
{
    private readonly HttpClient _api = fixture.Api;

    [Fact]
    public async Task The_same_spans_sent_as_protobuf_json_and_grpc_are_stored_identically()
    {
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var viaProtobuf = SampleTelemetry.NewTraceId();
        var viaJson = SampleTelemetry.NewTraceId();
        var viaGrpc = SampleTelemetry.NewTraceId();

        using var protobuf = await otlp.PostProtobufAsync("/v1/traces", SampleTelemetry.OrderTrace(viaProtobuf, "ORD-SAME", start: start));
        using var json = await otlp.PostJsonAsync("/v1/traces", SampleTelemetry.OrderTrace(viaJson, "ORD-SAME", start: start));
        var grpc = await otlp.ExportGrpcAsync(OtlpTestClient.TracesGrpcPath, SampleTelemetry.OrderTrace(viaGrpc, "ORD-SAME", start: start));

        Assert.Equal(HttpStatusCode.OK, protobuf.StatusCode);
        Assert.Equal("application/x-protobuf", protobuf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", grpc.GrpcStatus);
        Assert.Empty(ExportTraceServiceResponse.Parser.ParseFrom(grpc.Message).PartialSuccess?.ErrorMessage ?? string.Empty);

        var stored = new List<string>();
        foreach (var traceId in new[] { viaProtobuf, viaJson, viaGrpc })
        {
            using var trace = await _api.WaitForTraceAsync(SampleTelemetry.Hex(traceId), 4);
            stored.Add(Comparable(trace.RootElement));
        }

        Assert.Equal(stored[0], stored[1]);
        Assert.Equal(stored[0], stored[2]);
    }

    [Fact]
    public async Task Every_attribute_type_span_kind_status_event_link_and_scope_is_kept()
    {
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        var traceId = SampleTelemetry.NewTraceId();
        var request = SampleTelemetry.OrderTrace(traceId, "ORD-TYPES");
        using var response = await otlp.PostJsonAsync("/v1/traces", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var trace = await _api.WaitForTraceAsync(SampleTelemetry.Hex(traceId), 4);
        var spans = trace.RootElement.GetProperty("spans").EnumerateArray().ToList();
        var root = spans.Single(s => s.GetProperty("parentSpanId").ValueKind == JsonValueKind.Null);
        var attributes = root.GetProperty("attributes");
        Assert.Equal("ORD-TYPES", attributes.GetProperty("order.id").GetString());
        Assert.Equal(202, attributes.GetProperty("http.response.status_code").GetInt32());
        Assert.Equal(1234.5, attributes.GetProperty("order.total").GetDouble());
        Assert.True(attributes.GetProperty("order.express").GetBoolean());
        Assert.Equal(Convert.ToBase64String(new byte[] { 1, 2, 3, 254 }), attributes.GetProperty("order.checksum").GetString());
        Assert.Equal("""["SUBMITTED",3,false]""", attributes.GetProperty("order.stages").GetRawText());
        Assert.Equal("u-17", attributes.GetProperty("order.customer").GetProperty("user.id").GetString());

        Assert.Equal("Server", root.GetProperty("kind").GetString());
        Assert.Equal("Ok", root.GetProperty("statusCode").GetString());
        Assert.Equal("congo=t61rcWkgMzE", root.GetProperty("traceState").GetString());
        Assert.Equal(0x101, root.GetProperty("flags").GetInt32());
        Assert.Equal("order.validated", root.GetProperty("events")[0].GetProperty("name").GetString());
        var link = root.GetProperty("links")[0];
        Assert.Equal(32, link.GetProperty("traceId").GetString()!.Length);
        Assert.Equal("vendor=1", link.GetProperty("traceState").GetString());
        Assert.Equal("follows", link.GetProperty("attributes").GetProperty("link.kind").GetString());
        Assert.Equal("Jewelry.ShopApi", root.GetProperty("scopeName").GetString());
        Assert.Equal("1.2.3", root.GetProperty("scopeVersion").GetString());
        Assert.Equal("orders-team", root.GetProperty("scopeAttributes").GetProperty("scope.owner").GetString());

        var crm = spans.Single(s => s.GetProperty("serviceName").GetString() == "crm-api" && s.GetProperty("kind").GetString() == "Server");
        Assert.Equal("Error", crm.GetProperty("statusCode").GetString());
        Assert.Equal("MES did not answer", crm.GetProperty("statusMessage").GetString());
        Assert.Equal(2, crm.GetProperty("droppedAttributesCount").GetInt32());
        Assert.Equal(1, crm.GetProperty("events")[0].GetProperty("droppedAttributesCount").GetInt32());
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "Producer");
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "Client");

        var resource = trace.RootElement.GetProperty("resources").GetProperty(root.GetProperty("resourceId").GetString()!);
        Assert.Equal("go", resource.GetProperty("attributes").GetProperty("telemetry.sdk.language").GetString());
        Assert.Equal("shop-api-1", resource.GetProperty("serviceInstanceId").GetString());
    }

    [Fact]
    public async Task Gzip_bodies_are_accepted_over_http_and_grpc()
    {
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        var overHttp = SampleTelemetry.NewTraceId();
        var overGrpc = SampleTelemetry.NewTraceId();

        using var http = await otlp.PostProtobufAsync("/v1/traces", SampleTelemetry.OrderTrace(overHttp, "ORD-GZIP"), gzip: true);
        var grpc = await otlp.ExportGrpcAsync(OtlpTestClient.TracesGrpcPath, SampleTelemetry.OrderTrace(overGrpc, "ORD-GZIP"), compress: true);

        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        Assert.Equal("0", grpc.GrpcStatus);
        (await _api.WaitForTraceAsync(SampleTelemetry.Hex(overHttp), 4)).Dispose();
        (await _api.WaitForTraceAsync(SampleTelemetry.Hex(overGrpc), 4)).Dispose();
    }

    [Fact]
    public async Task Malformed_bodies_get_400_or_a_status_exporters_do_not_retry_and_change_nothing()
    {
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        var receivedBefore = await _api.CounterAsync("traces", "received");
        var spansBefore = await CountSpansAsync();

        // A length-delimited field claiming 16 bytes with one present.
        byte[] truncatedProtobuf = [0x0A, 0x10, 0x01];
        using var badProtobuf = await otlp.PostAsync("/v1/traces", truncatedProtobuf, "application/x-protobuf", gzip: false);
        using var badJson = await otlp.PostAsync("/v1/traces", Encoding.UTF8.GetBytes("""{"resourceSpans": [ {"""), "application/json", gzip: false);
        var badHex = OtlpTestClient.ToOtlpJson(SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-BAD"));
        badHex = badHex.Replace("\"traceId\":\"", "\"traceId\":\"zz", StringComparison.Ordinal);
        using var badIds = await otlp.PostAsync("/v1/traces", Encoding.UTF8.GetBytes(badHex), "application/json", gzip: false);
        using var badLogs = await otlp.PostAsync("/v1/logs", [1, 2, 3], "application/x-protobuf", gzip: false);
        using var notGzip = await otlp.PostRawAsync("/v1/traces", Encoding.UTF8.GetBytes("not gzip at all"), "application/x-protobuf", "gzip");
        var badGrpc = await otlp.CallGrpcAsync(OtlpTestClient.TracesGrpcPath, OtlpTestClient.Frame(truncatedProtobuf));
        var badFrame = await otlp.CallGrpcAsync(OtlpTestClient.TracesGrpcPath, [0, 0, 0, 0, 9, 1]);
        using var unsupported = await otlp.PostAsync("/v1/traces", [1], "text/plain", gzip: false);

        Assert.Equal(HttpStatusCode.BadRequest, badProtobuf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badIds.StatusCode);
        Assert.Contains("hex", await badIds.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLogs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notGzip.StatusCode);
        // INVALID_ARGUMENT to a message that cannot be parsed (OtlpExportMethodProvider); Grpc.AspNetCore's INTERNAL to a cut-off frame.
        Assert.Equal("3", badGrpc.GrpcStatus);
        Assert.Equal("13", badFrame.GrpcStatus);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);

        // The 400 body is a google.rpc.Status in the request's encoding.
        var status = Jewelry.Dashboard.Otlp.Proto.Rpc.Status.Parser.ParseFrom(await badProtobuf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, status.Code);
        Assert.NotEmpty(status.Message);

        // Something valid afterwards is stored, so "nothing changed" is not "nothing works".
        var marker = SampleTelemetry.NewTraceId();
        using var valid = await otlp.PostProtobufAsync("/v1/traces", SampleTelemetry.OrderTrace(marker, "ORD-AFTER-BAD"));
        (await _api.WaitForTraceAsync(SampleTelemetry.Hex(marker), 4)).Dispose();
        Assert.Equal(receivedBefore + 4, await _api.CounterAsync("traces", "received"));
        Assert.Equal(spansBefore + 4, await CountSpansAsync());
    }

    [Fact]
    public async Task Spans_with_invalid_ids_are_reported_as_partial_success_and_the_rest_is_stored()
    {
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        var traceId = SampleTelemetry.NewTraceId();
        var request = SampleTelemetry.OrderTrace(traceId, "ORD-PARTIAL");
        request.ResourceSpans[1].ScopeSpans[0].Spans[1].SpanId = ByteString.CopyFrom(new byte[8]);

        var result = await otlp.ExportGrpcAsync(OtlpTestClient.TracesGrpcPath, request);

        Assert.Equal("0", result.GrpcStatus);
        var response = ExportTraceServiceResponse.Parser.ParseFrom(result.Message);
        Assert.Equal(1, response.PartialSuccess.RejectedSpans);
        Assert.Contains("invalid", response.PartialSuccess.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        (await _api.WaitForTraceAsync(SampleTelemetry.Hex(traceId), 3)).Dispose();
    }

    [Fact]
    public async Task Requests_without_the_api_key_or_with_a_wrong_one_get_401()
    {
        using var anonymous = new OtlpTestClient(fixture.Dashboard) { ApiKey = null };
        using var wrong = new OtlpTestClient(fixture.Dashboard) { ApiKey = "not-the-key" };
        var traceId = SampleTelemetry.NewTraceId();
        var request = SampleTelemetry.OrderTrace(traceId, "ORD-NOKEY");

        using var missingHttp = await anonymous.PostProtobufAsync("/v1/traces", request);
        using var wrongHttp = await wrong.PostJsonAsync("/v1/traces", request);
        using var missingLogs = await anonymous.PostProtobufAsync("/v1/logs", SampleTelemetry.Logs("x", traceId, SampleTelemetry.NewSpanId(), "o", "m"));
        var missingGrpc = await anonymous.ExportGrpcAsync(OtlpTestClient.TracesGrpcPath, request);

        Assert.Equal(HttpStatusCode.Unauthorized, missingHttp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongHttp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missingLogs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missingGrpc.HttpStatus);
        Assert.Null(await _api.GetTraceAsync(SampleTelemetry.Hex(traceId)));
    }

    [Fact]
    public async Task Otlp_is_served_only_on_its_own_ports()
    {
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        using var http = new HttpClient();
        var body = new ByteArrayContent(SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-PORT").ToByteArray());
        body.Headers.ContentType = new("application/x-protobuf");

        var grpcBody = new ByteArrayContent(OtlpTestClient.Frame(SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-PORT").ToByteArray()));
        grpcBody.Headers.ContentType = new("application/grpc");

        using var onFrontend = await http.PostAsync(new Uri(fixture.Dashboard.FrontendUrl, "/v1/traces"), body, TestContext.Current.CancellationToken);
        using var apiOnOtlpPort = await http.GetAsync(new Uri(fixture.Dashboard.OtlpHttpUrl, "/api/traces"), TestContext.Current.CancellationToken);
        using var grpcOnFrontend = await http.PostAsync(new Uri(fixture.Dashboard.FrontendUrl, OtlpTestClient.TracesGrpcPath), grpcBody, TestContext.Current.CancellationToken);
        using var grpcOnOtlpHttp = await http.PostAsync(new Uri(fixture.Dashboard.OtlpHttpUrl, OtlpTestClient.TracesGrpcPath), grpcBody, TestContext.Current.CancellationToken);
        using var unknownGrpcService = await http.PostAsync(new Uri(fixture.Dashboard.FrontendUrl, "/some.Service/Method"), grpcBody, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, onFrontend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiOnOtlpPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grpcOnFrontend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grpcOnOtlpHttp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownGrpcService.StatusCode);
    }

    [Fact]
    public async Task Browser_apps_from_an_allowed_origin_may_export_over_http_and_others_may_not()
    {
        using var http = new HttpClient();
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(fixture.Dashboard.OtlpHttpUrl, "/v1/traces"));
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,x-otlp-api-key");
            return await http.SendAsync(request, TestContext.Current.CancellationToken);
        }

        using var allowed = await PreflightAsync(DashboardFixture.BrowserAppOrigin);
        using var other = await PreflightAsync("http://elsewhere.example");

        Assert.Equal(DashboardFixture.BrowserAppOrigin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Logs_and_metrics_are_accepted_and_logs_are_found_by_trace_span_and_order_id()
    {
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        var traceId = SampleTelemetry.NewTraceId();
        var spanId = SampleTelemetry.NewSpanId();
        var orderId = "ORD-LOG-" + Guid.NewGuid().ToString("N")[..8];

        using var logs = await otlp.PostJsonAsync("/v1/logs", SampleTelemetry.Logs("logs-service", traceId, spanId, orderId, "Pricing failed for " + orderId));
        var grpcLogs = await otlp.ExportGrpcAsync(OtlpTestClient.LogsGrpcPath, SampleTelemetry.Logs("logs-service-grpc", SampleTelemetry.NewTraceId(), spanId, orderId, "via grpc"));
        using var metrics = await otlp.PostProtobufAsync("/v1/metrics", SampleTelemetry.Metrics("metrics-service"));
        var grpcMetrics = await otlp.ExportGrpcAsync(OtlpTestClient.MetricsGrpcPath, SampleTelemetry.Metrics("metrics-service"));

        Assert.Equal(HttpStatusCode.OK, logs.StatusCode);
        Assert.Equal("0", grpcLogs.GrpcStatus);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal("0", grpcMetrics.GrpcStatus);

        var byOrder = await Poll.UntilAsync(
            () => _api.GetJsonAsync($"/api/logs?orderId={orderId}"),
            r => r.GetProperty("logs").GetArrayLength() == 4,
            TimeSpan.FromSeconds(20),
            "four log records with the order id");
        var bySpan = await _api.GetJsonAsync($"/api/logs?traceId={SampleTelemetry.Hex(traceId)}&spanId={SampleTelemetry.Hex(spanId)}");
        var errors = await _api.GetJsonAsync($"/api/logs?orderId={orderId}&level=error&service=logs-service");
        var text = await _api.GetJsonAsync($"/api/logs?text={Uri.EscapeDataString("pricing FAILED for " + orderId)}");

        Assert.Equal(4, byOrder.GetProperty("logs").GetArrayLength());
        var record = Assert.Single(bySpan.GetProperty("logs").EnumerateArray());
        Assert.Equal("error", record.GetProperty("level").GetString());
        Assert.Equal("Pricing failed for " + orderId, record.GetProperty("message").GetString());
        Assert.Single(errors.GetProperty("logs").EnumerateArray());
        Assert.Single(text.GetProperty("logs").EnumerateArray());
        await Poll.UntilAsync(() => _api.CounterAsync("metrics", "written"), written => written >= 6, TimeSpan.FromSeconds(20), "six metric points written");
    }

    private async Task<long> CountSpansAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM spans", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>A trace as JSON, without what differs by design between the three copies (ids).</summary>
    private static string Comparable(JsonElement trace)
    {
        var node = JsonNode.Parse(trace.GetRawText())!.AsObject();
        node.Remove("traceId");
        foreach (var span in node["spans"]!.AsArray())
        {
            var obj = span!.AsObject();
            obj.Remove("traceId");
            obj.Remove("spanId");
            obj.Remove("parentSpanId");
            foreach (var link in obj["links"]!.AsArray())
            {
                link!.AsObject().Remove("traceId");
                link.AsObject().Remove("spanId");
            }
        }

        return node.ToJsonString();
    }
}
