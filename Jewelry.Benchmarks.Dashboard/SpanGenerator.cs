using System.Buffers.Binary;
using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Resource;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// Order traces shaped like the stack's: spans across three services, HTTP/DB/messaging attributes, and
/// <c>order.id</c> on every span. Trace n belongs to order <c>ORD-n</c>; ids are derived from n, so nothing is random.
/// </summary>
internal static class SpanGenerator
{
    private static readonly string[] _services = ["shop-api", "crm-api", "mes-api"];

    private static readonly string[] _names =
        ["POST /orders/{id}/submit", "INSERT shopdb.orders", "POST crm-api/price-requests", "price-requests publish", "price-requests process", "SELECT mesdb.models", "GET models/{key}", "order.transition"];

    private static readonly string[] _statuses = ["INITIATED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED", "MANUFACTURING_STARTED", "SHIPPED"];

    public static string OrderId(long trace) => $"ORD-{trace:D8}";

    public static byte[] TraceId(long trace)
    {
        var id = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(id, 0x4A65776C_00000000L);
        BinaryPrimitives.WriteInt64BigEndian(id.AsSpan(8), trace + 1);
        return id;
    }

    /// <summary>One export request holding <paramref name="traces"/> whole traces, from <paramref name="firstTrace"/> on.</summary>
    public static ExportTraceServiceRequest Request(long firstTrace, int traces, int spansPerTrace, DateTimeOffset start)
    {
        var scopes = _services.Select(_ => new ScopeSpans { Scope = new InstrumentationScope { Name = "benchmark", Version = "1.0" } }).ToArray();
        for (var trace = firstTrace; trace < firstTrace + traces; trace++)
        {
            AddTrace(scopes, trace, spansPerTrace, start.AddMilliseconds(trace));
        }

        var request = new ExportTraceServiceRequest();
        for (var i = 0; i < _services.Length; i++)
        {
            request.ResourceSpans.Add(new ResourceSpans { Resource = Resource(_services[i]), ScopeSpans = { scopes[i] } });
        }

        return request;
    }

    public static void AddTrace(ScopeSpans[] scopes, long trace, int spanCount, DateTimeOffset start)
    {
        var traceId = ByteString.CopyFrom(TraceId(trace));
        var orderId = OrderId(trace);
        var t0 = (ulong)start.ToUnixTimeMilliseconds() * 1_000_000;
        ByteString? root = null;
        for (var i = 0; i < spanCount; i++)
        {
            var spanIdBytes = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(spanIdBytes, (trace << 16) + i + 1);
            var spanId = ByteString.CopyFrom(spanIdBytes);
            var span = new Span
            {
                TraceId = traceId,
                SpanId = spanId,
                ParentSpanId = root ?? ByteString.Empty,
                Name = _names[i % _names.Length],
                Kind = i == 0 ? Span.Types.SpanKind.Server : (Span.Types.SpanKind)(1 + (i % 5)),
                StartTimeUnixNano = t0 + ((ulong)i * 1_000_000),
                EndTimeUnixNano = t0 + ((ulong)i * 1_000_000) + 800_000,
                Attributes =
                {
                    Text("order.id", orderId),
                    Text("order.status", "SUBMITTED"),
                    Text("user.id", "u-" + (trace % 5000)),
                    Text("http.request.method", "POST"),
                    Text("http.route", "/orders/{id}/submit"),
                    Number("http.response.status_code", 200),
                    Text("url.path", $"/orders/{orderId}/submit"),
                    Text("db.system.name", "postgresql"),
                    Text("db.query.text", "INSERT INTO orders (id, status, created_at) VALUES ($1, $2, $3)"),
                    Text("messaging.system", "rabbitmq"),
                    Text("messaging.destination.name", "price-requests"),
                    Number("span.index", i),
                },
                Status = new Status { Code = i == spanCount - 1 && trace % 10 == 0 ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset },
            };
            if (span.Name == "order.transition")
            {
                // A status change, as the stuck-orders report and the stage statistics read them.
                span.Attributes.Add(Text("order.status.to", _statuses[(int)((trace + i) % _statuses.Length)]));
            }

            root ??= spanId;
            scopes[i % scopes.Length].Spans.Add(span);
        }
    }

    private static Resource Resource(string service) => new()
    {
        Attributes = { Text("service.name", service), Text("service.version", "0.1.0"), Text("service.instance.id", service + "-1"), Text("deployment.environment.name", "benchmark") },
    };

    private static KeyValue Text(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static KeyValue Number(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };
}
