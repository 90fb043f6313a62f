using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Decoding;

namespace Jewelry.Tests.Dashboard.State;

/// <summary>
/// The spans of many orders over the last days, from a seed: status changes (some failing first), requests served
/// (some failing), database calls, and messages published and consumed, some never consumed, some dead-lettered,
/// some consumer spans without an order id. The same seed gives the same spans.
/// </summary>
internal sealed class OrderTelemetryScenario
{
    public const string PriceRequestsRoutingKey = "price-requests";

    private static readonly string[] s_lifecycle = ["INITIATED", "SUBMITTED", "PRICE_CALCULATED", "CLOSED"];
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly ResourceRecord[] _resources =
    [
        new(11, "shop-api", null, """{"service.name":"shop-api"}""", 0),
        new(12, "crm-api", null, """{"service.name":"crm-api"}""", 0),
        new(13, "mes-api", null, """{"service.name":"mes-api"}""", 0),
    ];

    private readonly ScopeRecord _scope = new("Jewelry.Tests.State", null, null);

    public OrderTelemetryScenario(int seed, DateTimeOffset now, int orders)
    {
        _random = new Random(seed);
        _now = now;
        for (var i = 0; i < orders; i++)
        {
            AddOrder();
        }
    }

    public List<SpanRecord> Spans { get; } = [];

    private void AddOrder()
    {
        var orderId = $"order-{_random.Next():x8}-{Spans.Count}";
        var traceId = Bytes(16);
        var at = _now - TimeSpan.FromMinutes(_random.Next(10, 60 * 24 * 9));
        var steps = _random.Next(1, s_lifecycle.Length + 1);
        for (var step = 0; step < steps && at < _now; step++)
        {
            var to = s_lifecycle[step];
            var service = _resources[step % _resources.Length];
            AddHop(traceId, orderId, service, "POST /api/orders", kind: 2, at - TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(30), failed: _random.NextDouble() < 0.08,
                """ "http.request.method": "POST" """);
            AddHop(traceId, orderId, service, "INSERT orders", kind: 3, at - TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(_random.Next(1, 15)), failed: false,
                """ "db.system.name": "postgresql" """);
            if (_random.NextDouble() < 0.1)
            {
                AddTransition(traceId, orderId, service, to, at - TimeSpan.FromSeconds(_random.Next(1, 50)), failed: true);
            }

            AddTransition(traceId, orderId, service, to, at, failed: false);
            if (to == "SUBMITTED")
            {
                AddMessage(traceId, orderId, at + TimeSpan.FromMilliseconds(5));
            }

            at += TimeSpan.FromSeconds(_random.Next(30, 60 * 60 * 30));
        }
    }

    private void AddMessage(byte[] traceId, string orderId, DateTimeOffset publishedAt)
    {
        var messageId = Guid.NewGuid().ToString();
        var outcome = _random.NextDouble();
        AddHop(traceId, orderId, _resources[1], "publish orders", kind: 4, publishedAt, TimeSpan.FromMilliseconds(3), failed: false,
            $""" "messaging.system": "rabbitmq", "{MessagingAttributes.MessageId}": "{messageId}", "{MessagingAttributes.RoutingKey}": "{PriceRequestsRoutingKey}", "{MessagingAttributes.DestinationName}": "orders", "{MessagingAttributes.Confirmed}": {(outcome < 0.95 ? "true" : "false")} """);
        if (outcome < 0.06)
        {
            return; // Published, never consumed.
        }

        var consumedAt = publishedAt + TimeSpan.FromMilliseconds(_random.Next(2, 400));
        var deadLettered = outcome < 0.1;
        var withOrderId = _random.NextDouble() < 0.9;
        var attributes = $""" "messaging.system": "rabbitmq", "{MessagingAttributes.MessageId}": "{messageId}", "{MessagingAttributes.Queue}": "mes.price-requests" """
            + (deadLettered ? $""", "{MessagingAttributes.DeadLettered}": true, "{MessagingAttributes.DeadLetterReason}": "model file unreadable" """ : string.Empty);
        if (withOrderId || deadLettered)
        {
            AddHop(traceId, orderId, _resources[2], "process mes.price-requests", kind: 5, consumedAt, TimeSpan.FromMilliseconds(8), failed: deadLettered, attributes);
        }
        else
        {
            Add(traceId, null, _resources[2], "process mes.price-requests", kind: 5, consumedAt, TimeSpan.FromMilliseconds(8), failed: false, attributes);
        }
    }

    private void AddTransition(byte[] traceId, string orderId, ResourceRecord service, string to, DateTimeOffset at, bool failed) =>
        AddHop(traceId, orderId, service, $"order.transition -> {to}", kind: 1, at, TimeSpan.FromMilliseconds(4), failed,
            $""" "{HopClassification.StatusToAttribute}": "{to}" """);

    private void AddHop(byte[] traceId, string orderId, ResourceRecord service, string name, short kind, DateTimeOffset end, TimeSpan duration, bool failed, string attributes) =>
        Add(traceId, orderId, service, name, kind, end, duration, failed, attributes);

    private void Add(byte[] traceId, string? orderId, ResourceRecord service, string name, short kind, DateTimeOffset end, TimeSpan duration, bool failed, string attributes)
    {
        // Nanoseconds apart, so no two spans of an order end at the same instant.
        var endNano = UnixNano.FromDateTimeOffset(end) + _random.Next(0, 1_000_000);
        var order = orderId is null ? string.Empty : $""" "{HopClassification.OrderIdAttribute}": "{orderId}", """;
        Spans.Add(new SpanRecord
        {
            TraceId = traceId,
            SpanId = Bytes(8),
            Resource = service,
            Scope = _scope,
            Name = name,
            Kind = kind,
            StartTimeUnixNano = endNano - (long)(duration.TotalMilliseconds * 1_000_000),
            EndTimeUnixNano = endNano,
            StatusCode = (short)(failed ? 2 : 0),
            StatusMessage = failed ? $"{name} failed" : null,
            AttributesJson = "{" + order + attributes + "}",
        });
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
