using System.Buffers.Binary;
using Google.Protobuf;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Topology;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Resource;
using Jewelry.Dashboard.Otlp.Proto.Trace;
using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// Orders shaped like the stack's, one trace each: a root request, an <c>order.transition</c> span per status the order
/// passed (INITIATED on, by the lifecycle's transitions, with <c>order.status.from</c>/<c>.to</c>), and hop spans around
/// each transition (HTTP, database, a confirmed publish and its consumer, S3), <c>order.id</c> on every span, spread
/// over the order's life of minutes to days. Order n is <c>ORD-n</c> and its spans come from a random seeded with n,
/// so a run is reproducible. Some hops fail, every 40th order has a failed transition before the one that succeeded,
/// and every 1,000th order has a confirmed message no consumer processed.
/// </summary>
internal static class SpanGenerator
{
    private static readonly string[] _services = ["shop-api", "crm-api", "mes-api"];

    private static readonly HopShape[] _hopCycle = [HopShape.Http, HopShape.Database, HopShape.Publish, HopShape.Consume, HopShape.Store, HopShape.Database];

    private enum HopShape
    {
        Http,
        Database,
        Publish,
        Consume,
        Store,
    }

    public static string OrderId(long order) => $"ORD-{order:D8}";

    public static byte[] TraceId(long order)
    {
        var id = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(id, 0x4A65776C_00000000L);
        BinaryPrimitives.WriteInt64BigEndian(id.AsSpan(8), order + 1);
        return id;
    }

    /// <summary>One export request holding the whole traces of <paramref name="orders"/> orders, from <paramref name="firstOrder"/> on.</summary>
    public static ExportTraceServiceRequest Request(long firstOrder, int orders, int spansPerTrace, OrderSchedule schedule)
    {
        var scopes = Scopes();
        for (var order = firstOrder; order < firstOrder + orders; order++)
        {
            var random = new Random(unchecked((int)(order * 2654435761L)));
            AddOrder(scopes, order, TraceId(order), OrderId(order), spansPerTrace, schedule.StartOf(random), schedule.Now, random);
        }

        return Wrap(scopes);
    }

    public static ExportTraceServiceRequest Wrap(ScopeSpans[] scopes)
    {
        var request = new ExportTraceServiceRequest();
        for (var i = 0; i < _services.Length; i++)
        {
            request.ResourceSpans.Add(new ResourceSpans { Resource = Resource(_services[i]), ScopeSpans = { scopes[i] } });
        }

        return request;
    }

    public static ScopeSpans[] Scopes() => [.. _services.Select(_ => new ScopeSpans { Scope = new InstrumentationScope { Name = "benchmark", Version = "1.0" } })];

    /// <summary>Exactly <paramref name="spanCount"/> spans of one order (at least 2) into <paramref name="scopes"/>, one scope per service.</summary>
    public static void AddOrder(ScopeSpans[] scopes, long order, byte[] traceIdBytes, string orderId, int spanCount, DateTimeOffset start, DateTimeOffset now, Random random)
    {
        var traceId = ByteString.CopyFrom(traceIdBytes);
        var userId = "u-" + (order % 5000);
        var failedTransition = order % 40 == 0;
        var lostMessage = order % 1000 == 7;

        // The statuses it reached by now, within the span budget (a root, the transitions, at least a hop per transition).
        var path = StatusStays.Path(random);
        var transitions = new List<(OrderStatus Status, DateTimeOffset At)>();
        var at = start;
        foreach (var status in path)
        {
            if (at > now || 1 + ((transitions.Count + 1) * 2) + (failedTransition ? 1 : 0) > spanCount)
            {
                break;
            }

            transitions.Add((status, at));
            if (status != OrderStatus.Closed)
            {
                at += StatusStays.Stay(status, random);
            }
        }

        failedTransition &= transitions.Count > 1 && 1 + (transitions.Count * 2) + 1 <= spanCount;
        var hops = spanCount - 1 - transitions.Count - (failedTransition ? 1 : 0);
        var next = 0;
        Span NewSpan(int service, string name, Span.Types.SpanKind kind, DateTimeOffset begin, TimeSpan duration, ByteString parent)
        {
            var spanIdBytes = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(spanIdBytes, (order << 16) + ++next);
            var begins = (ulong)(begin.ToUnixTimeMilliseconds() * 1_000_000) + (ulong)random.Next(1_000_000);
            var span = new Span
            {
                TraceId = traceId,
                SpanId = ByteString.CopyFrom(spanIdBytes),
                ParentSpanId = parent,
                Name = name,
                Kind = kind,
                StartTimeUnixNano = begins,
                EndTimeUnixNano = begins + (ulong)duration.Ticks * 100,
                Attributes = { Text(HopClassification.OrderIdAttribute, orderId), Text(OrderTelemetry.UserId, userId) },
            };
            scopes[service].Spans.Add(span);
            return span;
        }

        var root = NewSpan(0, "POST /orders", Span.Types.SpanKind.Server, start - TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(15 + random.Next(30)), ByteString.Empty);
        root.Attributes.Add(Http("POST", "/orders", "/orders", 201));
        root.Attributes.Add(Text(OrderTelemetry.OrderStatus, OrderStatus.Initiated.ToName()));

        for (var k = 0; k < transitions.Count; k++)
        {
            var (status, enteredAt) = transitions[k];
            var service = ServiceOf(status);
            var queue = OrderTopology.Queues[k % OrderTopology.Queues.Count];

            // This transition's share of the hops, just before it, in the order the stack makes them.
            var first = k * hops / transitions.Count;
            var last = (k + 1) * hops / transitions.Count;
            for (var j = first; j < last; j++)
            {
                var shape = _hopCycle[j % _hopCycle.Length];
                if (shape == HopShape.Publish && j + 1 >= hops)
                {
                    shape = HopShape.Database;
                }
                else if (shape == HopShape.Consume && lostMessage)
                {
                    lostMessage = false;
                    shape = HopShape.Database;
                }

                var offset = TimeSpan.FromMilliseconds(400 - ((j - first) * 40));
                var hop = AddHop(shape, service, queue, orderId, j, status, enteredAt - offset, random, NewSpan, root.SpanId);
                if (random.NextDouble() < 0.03)
                {
                    hop.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "Timed out waiting for " + hop.Name };
                    hop.Attributes.Add(Text("error.type", "timeout"));
                }
            }

            if (failedTransition && k == transitions.Count - 1)
            {
                var refused = Transition(NewSpan, service, transitions[k - 1].Status, status, enteredAt - TimeSpan.FromSeconds(1), root.SpanId);
                refused.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "The database refused the update; retried" };
                refused.Attributes.Add(Text("error.type", "db_error"));
            }

            Transition(NewSpan, service, k > 0 ? transitions[k - 1].Status : null, status, enteredAt, root.SpanId);
        }
    }

    private delegate Span SpanFactory(int service, string name, Span.Types.SpanKind kind, DateTimeOffset begin, TimeSpan duration, ByteString parent);

    private static Span Transition(SpanFactory newSpan, int service, OrderStatus? from, OrderStatus to, DateTimeOffset at, ByteString parent)
    {
        var span = newSpan(service, OrderTelemetry.TransitionSpanName, Span.Types.SpanKind.Internal, at - TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(2), parent);
        if (from is { } previous)
        {
            span.Attributes.Add(Text(HopClassification.StatusFromAttribute, previous.ToName()));
        }

        span.Attributes.Add(Text(HopClassification.StatusToAttribute, to.ToName()));
        span.Attributes.Add(Text(OrderTelemetry.OrderStatus, to.ToName()));
        return span;
    }

    private static Span AddHop(
        HopShape shape, int service, QueueDefinition queue, string orderId, int index, OrderStatus status, DateTimeOffset at, Random random, SpanFactory newSpan, ByteString parent)
    {
        var messageId = $"{orderId}-m{index - (shape == HopShape.Consume ? 1 : 0)}";
        var routingKey = queue.RoutingKeys[0];
        Span span;
        switch (shape)
        {
            case HopShape.Http:
                span = newSpan(service, "POST /orders/{id}/status", Span.Types.SpanKind.Server, at, Milliseconds(random, 5, 80), parent);
                span.Attributes.Add(Http("POST", "/orders/{id}/status", $"/orders/{orderId}/status", 200));
                break;
            case HopShape.Publish:
                span = newSpan(service, "send " + routingKey, Span.Types.SpanKind.Producer, at, Milliseconds(random, 1, 6), parent);
                span.Attributes.Add(Messaging(routingKey, messageId, "send"));
                span.Attributes.Add(new KeyValue { Key = "messaging.rabbitmq.confirmed", Value = new AnyValue { BoolValue = true } });
                break;
            case HopShape.Consume:
                span = newSpan((service + 1) % _services.Length, "process " + queue.Name, Span.Types.SpanKind.Consumer, at, Milliseconds(random, 5, 60), parent);
                span.Attributes.Add(Messaging(routingKey, messageId, "process"));
                break;
            case HopShape.Store:
                span = newSpan(0, "S3.GetObject", Span.Types.SpanKind.Client, at, Milliseconds(random, 10, 120), parent);
                span.Attributes.Add(
                [
                    Text("rpc.system", "aws-api"), Text("rpc.service", "S3"), Text("rpc.method", "GetObject"),
                    Text("aws.s3.bucket", "models"), Text("aws.s3.key", $"models/{orderId}.stl"),
                ]);
                break;
            default:
                var database = service == 2 ? "mesdb" : "shopdb";
                span = newSpan(service, "UPDATE orders", Span.Types.SpanKind.Client, at, Milliseconds(random, 1, 15), parent);
                span.Attributes.Add(
                [
                    Text("db.system.name", "postgresql"), Text("db.namespace", database), Text("db.operation.name", "UPDATE"),
                    Text("db.collection.name", "orders"), Text("db.query.text", "UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3"),
                ]);
                break;
        }

        span.Attributes.Add(Text(OrderTelemetry.OrderStatus, status.ToName()));
        return span;
    }

    private static int ServiceOf(OrderStatus status) => status switch
    {
        <= OrderStatus.Submitted => 0,
        OrderStatus.ManufacturingApproved or OrderStatus.Closed => 1,
        _ => 2,
    };

    private static TimeSpan Milliseconds(Random random, int min, int max) => TimeSpan.FromMilliseconds(min + ((max - min) * random.NextDouble() * random.NextDouble()));

    private static KeyValue[] Http(string method, string route, string path, int statusCode) =>
    [
        Text("http.request.method", method), Text("http.route", route), Text("url.path", path),
        Number("http.response.status_code", statusCode), Text("server.address", "localhost"),
    ];

    private static KeyValue[] Messaging(string routingKey, string messageId, string operation) =>
    [
        Text("messaging.system", "rabbitmq"), Text("messaging.destination.name", OrderTopology.Exchange),
        Text("messaging.rabbitmq.destination.routing_key", routingKey), Text("messaging.message.id", messageId),
        Text("messaging.operation.type", operation),
    ];

    private static Resource Resource(string service) => new()
    {
        Attributes = { Text("service.name", service), Text("service.version", "0.1.0"), Text("service.instance.id", service + "-1"), Text("deployment.environment.name", "benchmark") },
    };

    private static KeyValue Text(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static KeyValue Number(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };
}
