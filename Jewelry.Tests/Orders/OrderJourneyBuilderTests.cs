using System.Text.Json;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Tests.Orders;

[Trait("Category", "Unit")]
public sealed class OrderJourneyBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
    private const string OrderId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private static readonly OrderTrackingOptions Options = new()
    {
        Statuses =
        [
            new() { Name = "INITIATED", Service = "shop-api", Stage = "Upload", Threshold = TimeSpan.FromHours(1) },
            new() { Name = "SUBMITTED", Service = "mes-api", Stage = "Pricing", Threshold = TimeSpan.FromMinutes(5), Queue = "mes.price-requests" },
            new() { Name = "PRICE_CALCULATED", Service = "shop-api", Stage = "Approval", Threshold = TimeSpan.FromDays(2) },
            new() { Name = "CLOSED", Service = "crm-api", Stage = "Done" },
        ],
        Queues = { ["price.requested"] = "mes.price-requests" },
    };

    [Fact]
    public void Statuses_follow_the_transitions_in_time_and_their_durations_add_up_to_the_total()
    {
        var spans = new[]
        {
            Transition("t1", "a1", null, "INITIATED", endMs: 0),
            Transition("t2", "b1", "INITIATED", "SUBMITTED", endMs: 90_000),
            Transition("t2", "b2", "SUBMITTED", "PRICE_CALCULATED", endMs: 92_500),
        };

        var journey = OrderJourneyBuilder.Build(OrderId, spans, Options, T0.AddMinutes(10));

        Assert.Equal(["INITIATED", "SUBMITTED", "PRICE_CALCULATED"], journey.Statuses.Select(s => s.Status));
        Assert.Equal([90_000, 2_500, (double?)null], journey.Statuses.Select(s => s.DurationMs));
        Assert.Equal("PRICE_CALCULATED", journey.CurrentStatus);
        Assert.False(journey.IsFinal);
        Assert.Equal(T0.AddMilliseconds(92_500), journey.CurrentStatusSince);
        Assert.Equal(600_000 - 92_500, journey.TimeInCurrentStatusMs);

        // Not final: the order's total runs to now, and is the statuses' durations plus the time in the current one.
        Assert.Equal(600_000, journey.TotalDurationMs);
        Assert.Equal(journey.TotalDurationMs, journey.Statuses.Sum(s => s.DurationMs ?? journey.TimeInCurrentStatusMs!.Value));
        Assert.Equal(["Upload", "Pricing", "Approval"], journey.Statuses.Select(s => s.Stage));
        Assert.Equal("shop-api", journey.CurrentService);
    }

    [Fact]
    public void A_final_status_ends_the_total_and_has_no_time_in_status()
    {
        var spans = new[] { Transition("t1", "a1", null, "INITIATED", endMs: 0), Transition("t9", "z1", "INITIATED", "CLOSED", endMs: 5_000) };

        var journey = OrderJourneyBuilder.Build(OrderId, spans, Options, T0.AddDays(3));

        Assert.True(journey.IsFinal);
        Assert.Null(journey.TimeInCurrentStatusMs);
        Assert.Equal(5_000, journey.TotalDurationMs);
    }

    [Fact]
    public void A_failed_transition_is_an_error_in_place_not_a_status_the_order_entered()
    {
        var failed = Transition("t2", "b1", "INITIATED", "SUBMITTED", endMs: 1_000) with
        {
            StatusCode = SpanStatusCode.Error,
            StatusMessage = "The transition was not saved: deadlock detected",
        };
        var spans = new[] { Transition("t1", "a1", null, "INITIATED", endMs: 0), failed };

        var journey = OrderJourneyBuilder.Build(OrderId, spans, Options, T0.AddSeconds(2));

        Assert.Equal(["INITIATED"], journey.Statuses.Select(s => s.Status));
        var error = Assert.Single(journey.Errors);
        Assert.Equal("The transition was not saved: deadlock detected", error.Reason);
        Assert.Equal(HopKind.Status, error.Kind);
        var chain = journey.Chains.Single(c => c.TraceId == "t2");
        Assert.Empty(chain.StatusesEntered);
        Assert.Equal("The transition was not saved: deadlock detected", Assert.Single(chain.Hops).Error);
    }

    [Fact]
    public void A_chain_lists_its_hops_in_start_order_with_depth_offsets_and_where_each_went()
    {
        var spans = new[]
        {
            Span("t1", "s1", null, "POST /api/orders/{id}/submit", SpanKind.Server, 0, 40, new() { ["http.request.method"] = "POST", ["http.route"] = "/api/orders/{id}/submit", ["http.response.status_code"] = 202 }),
            Span("t1", "s2", "s1", "send price.requested", SpanKind.Producer, 10, 15, new() { ["messaging.system"] = "rabbitmq", ["messaging.rabbitmq.destination.routing_key"] = "price.requested", ["messaging.rabbitmq.confirmed"] = true }),
            Span("t1", "s3", "s2", "process mes.price-requests", SpanKind.Consumer, 20, 35, new() { ["messaging.system"] = "rabbitmq", ["messaging.rabbitmq.queue"] = "mes.price-requests", ["messaging.rabbitmq.destination.routing_key"] = "price.requested" }),
            Span("t1", "s4", "s3", "S3.GetObject", SpanKind.Client, 21, 25, new() { ["rpc.service"] = "S3", ["aws.s3.bucket"] = "models" }),
            Span("t1", "s5", "s3", "INSERT price_calculations", SpanKind.Client, 26, 30, new() { ["db.system.name"] = "postgresql", ["db.namespace"] = "mesdb", ["db.collection.name"] = "price_calculations" }),
        };

        var chain = Assert.Single(OrderJourneyBuilder.Build(OrderId, spans, Options, T0.AddSeconds(1)).Chains);

        Assert.Equal("POST /api/orders/{id}/submit", chain.Name);
        Assert.Equal(40, chain.DurationMs);
        Assert.Equal([HopKind.Http, HopKind.Queue, HopKind.Queue, HopKind.Store, HopKind.Database], chain.Hops.Select(h => h.Kind));
        Assert.Equal([0, 1, 2, 3, 3], chain.Hops.Select(h => h.Depth));
        Assert.Equal([0d, 10, 20, 21, 26], chain.Hops.Select(h => h.OffsetMs));
        Assert.Equal(
            [
                "/api/orders/{id}/submit · status 202",
                "queue mes.price-requests · routing key price.requested · confirmed",
                "queue mes.price-requests · routing key price.requested",
                "bucket models",
                "mesdb · price_calculations",
            ],
            chain.Hops.Select(h => h.Detail));
    }

    [Fact]
    public void A_confirmed_message_no_consumer_processed_is_where_the_order_waits()
    {
        Dictionary<string, object?> Message(string id) => new()
        {
            ["messaging.system"] = "rabbitmq",
            ["messaging.message.id"] = id,
            ["messaging.rabbitmq.destination.routing_key"] = "price.requested",
            ["messaging.rabbitmq.confirmed"] = true,
        };
        var spans = new[]
        {
            Span("t1", "p1", null, "send price.requested", SpanKind.Producer, 0, 2, Message("m1")),
            Span("t1", "c1", "p1", "process mes.price-requests", SpanKind.Consumer, 5, 9, Message("m1")),
            Span("t2", "p2", null, "send price.requested", SpanKind.Producer, 1_000, 1_002, Message("m2")),
        };

        var journey = OrderJourneyBuilder.Build(OrderId, spans, Options, T0.AddSeconds(31));

        var waiting = Assert.Single(journey.PendingMessages);
        Assert.Equal(("m2", "mes.price-requests", "price.requested", 29_998d), (waiting.MessageId, waiting.Queue, waiting.RoutingKey, waiting.WaitingMs));
        Assert.Equal((OrderId, "t2", "p2"), (waiting.OrderId, waiting.TraceId, waiting.SpanId));
    }

    [Theory]
    [InlineData("""{"order.status.to": "SUBMITTED", "db.system.name": "postgresql"}""", HopKind.Status)]
    [InlineData("""{"messaging.system": "rabbitmq"}""", HopKind.Queue)]
    [InlineData("""{"db.system.name": "postgresql"}""", HopKind.Database)]
    [InlineData("""{"db.system": "postgresql"}""", HopKind.Database)]
    [InlineData("""{"rpc.service": "S3", "http.request.method": "GET"}""", HopKind.Store)]
    [InlineData("""{"rpc.service": "Other"}""", HopKind.Internal)]
    [InlineData("""{"http.request.method": "GET"}""", HopKind.Http)]
    [InlineData("""{}""", HopKind.Internal)]
    public void Hops_are_told_apart_by_their_semantic_convention_attributes(string attributes, HopKind expected) =>
        Assert.Equal(expected, HopClassification.Classify(JsonDocument.Parse(attributes).RootElement));

    private static OrderSpan Transition(string traceId, string spanId, string? from, string to, double endMs) =>
        Span(traceId, spanId, null, $"order.transition {from ?? "(new)"} -> {to}", SpanKind.Internal, endMs - 3, endMs, new()
        {
            ["order.status.from"] = from,
            ["order.status.to"] = to,
        });

    private static OrderSpan Span(string traceId, string spanId, string? parent, string name, SpanKind kind, double startMs, double endMs, Dictionary<string, object?> attributes)
    {
        attributes["order.id"] = OrderId;
        return new OrderSpan
        {
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = parent,
            ServiceName = kind == SpanKind.Consumer ? "mes-api" : "crm-api",
            Name = name,
            Kind = kind,
            StartTimeUnixNano = UnixNano.FromDateTimeOffset(T0.AddMilliseconds(startMs)),
            EndTimeUnixNano = UnixNano.FromDateTimeOffset(T0.AddMilliseconds(endMs)),
            Attributes = JsonSerializer.SerializeToElement(attributes.Where(a => a.Value is not null).ToDictionary()),
        };
    }
}
