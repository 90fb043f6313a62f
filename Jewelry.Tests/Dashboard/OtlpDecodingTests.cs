using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Jewelry.Dashboard.Otlp;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>Decoding without a server: OTLP JSON ids and the text PostgreSQL cannot store.</summary>
[Trait("Category", "Unit")]
public sealed class OtlpDecodingTests
{
    [Fact]
    public void Otlp_json_with_hex_ids_parses_to_the_same_message_as_protobuf()
    {
        var request = SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-JSON");

        var parsed = OtlpJson.Parse<ExportTraceServiceRequest>(Encoding.UTF8.GetBytes(OtlpTestClient.ToOtlpJson(request)));

        Assert.Equal(request, parsed);
    }

    [Fact]
    public void Unknown_json_fields_are_ignored_and_bad_hex_is_a_format_error()
    {
        var json = """{"resourceSpans":[{"futureField":1,"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"x","kind":2,"startTimeUnixNano":"1","endTimeUnixNano":2}]}]}]}""";

        var parsed = OtlpJson.Parse<ExportTraceServiceRequest>(Encoding.UTF8.GetBytes(json));

        Assert.Equal("5b8efff798038103d269b633813fc60c", Convert.ToHexStringLower(parsed.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.Span));
        Assert.Equal(2UL, parsed.ResourceSpans[0].ScopeSpans[0].Spans[0].EndTimeUnixNano);
        Assert.Throws<OtlpFormatException>(() => OtlpJson.Parse<ExportTraceServiceRequest>(Encoding.UTF8.GetBytes(json.Replace("5b8e", "5x8e", StringComparison.Ordinal))));
    }

    [Fact]
    public void Nul_characters_and_lone_surrogates_become_replacement_characters()
    {
        Assert.Equal("a\uFFFDb", PostgresText.Sanitize("a\0b"));
        Assert.Equal("x\uFFFDy", PostgresText.Sanitize("x\uD800y"));
        Assert.Equal("ok 😀", PostgresText.Sanitize("ok 😀"));
    }

    [Fact]
    public void Equal_resources_get_the_same_id_whatever_the_attribute_order()
    {
        var first = SampleTelemetry.ServiceResource("svc");
        var reordered = new Jewelry.Dashboard.Otlp.Proto.Resource.Resource();
        reordered.Attributes.AddRange(first.Attributes.Reverse());

        Assert.Equal(ResourceDecoder.Decode(first).ResourceId, ResourceDecoder.Decode(reordered).ResourceId);
        Assert.NotEqual(ResourceDecoder.Decode(first).ResourceId, ResourceDecoder.Decode(SampleTelemetry.ServiceResource("other")).ResourceId);
        Assert.Equal("unknown_service", ResourceDecoder.Decode(null).ServiceName);
    }

    [Fact]
    public void Attributes_keep_their_json_types()
    {
        var request = SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-1");

        var decoded = TraceDecoder.Decode(request);

        using var attributes = JsonDocument.Parse(decoded.Batch.Spans[0].AttributesJson);
        Assert.Equal(JsonValueKind.Number, attributes.RootElement.GetProperty("http.response.status_code").ValueKind);
        Assert.Equal(JsonValueKind.True, attributes.RootElement.GetProperty("order.express").ValueKind);
        Assert.Equal(JsonValueKind.Array, attributes.RootElement.GetProperty("order.stages").ValueKind);
        Assert.Equal(JsonValueKind.Object, attributes.RootElement.GetProperty("order.customer").ValueKind);
        Assert.Equal(0, decoded.Rejected);
        Assert.Equal(4, decoded.Batch.RecordCount);
        Assert.Null(decoded.Batch.Spans[0].ParentSpanId);
    }

    [Fact]
    public void Spans_with_invalid_ids_are_rejected_and_counted()
    {
        var request = SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-1");
        request.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId = ByteString.CopyFrom(new byte[15]);

        var decoded = TraceDecoder.Decode(request);

        Assert.Equal(1, decoded.Rejected);
        Assert.Equal(3, decoded.Batch.Spans.Count);
        Assert.NotNull(decoded.RejectionReason);
    }

    [Fact]
    public void A_span_whose_order_id_no_order_could_have_is_rejected_with_its_reason_and_the_rest_kept()
    {
        var request = SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-1");
        var span = request.ResourceSpans[0].ScopeSpans[0].Spans[1];
        span.Attributes.Single(a => a.Key == "order.id").Value.StringValue = new string('7', 10_240);

        var decoded = TraceDecoder.Decode(request);

        Assert.Equal(1, decoded.Rejected);
        Assert.Equal(3, decoded.Batch.Spans.Count);
        Assert.Contains("order.id of 10240 characters", decoded.RejectionReason, StringComparison.Ordinal);
        Assert.DoesNotContain(decoded.Batch.Spans, s => s.AttributesJson.Contains("7777", StringComparison.Ordinal));
    }
}
