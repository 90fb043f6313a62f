using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Contracts.Topology;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Orders;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Alerts;

/// <summary>The default rules evaluated against the real services' telemetry, announced to the test's webhooks.</summary>
[Collection(AlertsCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class AlertStackTests(AlertsStackFixture stack)
{
    private const string NotConsumed = "messages-not-consumed";
    private const string DeadLettered = "messages-dead-lettered";
    private static readonly TimeSpan WithinAMinute = TimeSpan.FromSeconds(60);

    private readonly OrderJourneyDriver _orders = new(stack);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_the_mes_fires_the_price_requests_not_consumed_alert_at_the_webhook_and_starting_it_resolves_it()
    {
        var queue = OrderTopology.MesPriceRequests.Name;
        await stack.App.StopResourceAsync("mes-api", Ct);
        try
        {
            var first = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
            var second = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(12, 10, 10)));

            var firing = await WebhookCallAsync(call => call.Is("firing", NotConsumed, queue) && Mentions(call, first.Id), WithinAMinute, $"a firing {NotConsumed} for {queue} with order {first.Id}");
            Assert.Equal("4", firing.Text("version"));
            Assert.Equal(WebhookReceiver.Ok, firing.Text("receiver"));
            Assert.StartsWith("{}:{", firing.Text("groupKey"), StringComparison.Ordinal);
            Assert.Equal("mes-api", firing.Label("service"));
            Assert.Equal("Price calculation in the MES", firing.Label("stage"));
            Assert.Equal("critical", firing.Label("severity"));
            var alert = firing.OnlyAlert();
            var fingerprint = alert.Text("fingerprint")!;
            Assert.Matches("^[0-9a-f]{16}$", fingerprint);
            Assert.Equal("0001-01-01T00:00:00Z", alert.Text("endsAt"));
            var startsAt = DateTimeOffset.Parse(alert.Text("startsAt")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith(stack.DashboardUrl.GetLeftPart(UriPartial.Authority), alert.Text("generatorURL"), StringComparison.Ordinal);
            Assert.Contains($"/orders/{first.Id}", firing.Annotation("journeys"), StringComparison.Ordinal);

            // The API lists the alert firing with both orders, each linked to its journey.
            JsonElement report = default;
            await Eventually.WaitUntilAsync(
                async () => (report = await stack.Dashboard.AlertsAsync()).AlertOf(NotConsumed, queue) is { } listed
                    && listed.Text("state") == "Firing" && listed.OrderIds().Contains(first.Id.ToString()) && listed.OrderIds().Contains(second.Id.ToString()),
                WithinAMinute,
                () => $"{NotConsumed} for {queue} firing with orders {first.Id} and {second.Id}; report: {report}");
            var listed = report.AlertOf(NotConsumed, queue)!.Value;
            Assert.Equal(fingerprint, listed.Text("fingerprint"));
            Assert.Equal("mes-api", listed.Text("service"));
            Assert.Contains(listed.Items("orders"), order => order.Text("journeyUrl") == $"/orders/{second.Id}");

            // The stages page's "messages waiting in RabbitMQ", from the broker's management API: both requests wait, nobody consumes.
            JsonElement queues = default;
            await Eventually.WaitUntilAsync(
                async () => (queues = await stack.Dashboard.GetFromJsonAsync<JsonElement>("/api/queues", Ct)).EnumerateArray()
                    .Any(depth => depth.Text("queue") == queue && depth.GetProperty("ready").GetInt64() >= 2 && depth.GetProperty("consumers").GetInt64() == 0),
                WithinAMinute,
                () => $"{queue} with at least 2 messages waiting and no consumer; queues: {queues}");

            await stack.App.StartResourceAsync("mes-api", Ct);
            await _orders.WaitForStatusAsync(first.Id, "PRICE_CALCULATED", TimeSpan.FromSeconds(90));
            var resolved = await WebhookCallAsync(
                call => call.Text("status") == "resolved" && call.OnlyAlert().Text("fingerprint") == fingerprint, TimeSpan.FromSeconds(90), $"the resolution of {fingerprint}");
            Assert.Equal(firing.Text("groupKey"), resolved.Text("groupKey"));
            Assert.Equal(alert.Text("startsAt"), resolved.OnlyAlert().Text("startsAt"));
            Assert.True(DateTimeOffset.Parse(resolved.OnlyAlert().Text("endsAt")!, System.Globalization.CultureInfo.InvariantCulture) > startsAt);

            // Once each: one evaluation a second for a minute and more did not announce the same firing again.
            var calls = stack.Webhooks.CallsTo(WebhookReceiver.Ok).Where(call => call.OnlyAlert().Text("fingerprint") == fingerprint).ToList();
            Assert.Single(calls, call => call.Text("status") == "firing" && call.OnlyAlert().Text("startsAt") == alert.Text("startsAt"));
            Assert.Single(calls, call => call.Text("status") == "resolved" && call.OnlyAlert().Text("startsAt") == alert.Text("startsAt"));
            Assert.Equal("Resolved", (await stack.Dashboard.AlertsAsync()).Items("alerts").Single(a => a.Text("fingerprint") == fingerprint).Text("state"));
        }
        finally
        {
            if (KnownResourceStates.TerminalStates.Contains(await stack.App.StateAsync("mes-api")))
            {
                await stack.App.StartResourceAsync("mes-api", Ct);
            }

            await stack.WaitUntilAllHealthyAsync();
        }
    }

    [Fact]
    public async Task A_poison_message_fires_the_dead_letter_alert_with_its_reason()
    {
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();
        await RabbitMqProbe.PublishAsync(stack.App, RoutingKeys.PriceRequested, messageId, "PriceCalculationRequested", Encoding.UTF8.GetBytes("{\"orderId\": "), orderId);

        var queue = OrderTopology.MesPriceRequests.Name;
        var firing = await WebhookCallAsync(call => call.Is("firing", DeadLettered, queue) && Mentions(call, orderId), WithinAMinute, $"a firing {DeadLettered} for {queue} with order {orderId}");
        Assert.StartsWith("Malformed PriceCalculationRequested:", firing.Annotation("reason"), StringComparison.Ordinal);
        Assert.Equal("mes-api", firing.Label("service"));

        var listed = (await stack.Dashboard.AlertsAsync()).AlertOf(DeadLettered, queue);
        Assert.NotNull(listed);
        Assert.Contains(orderId.ToString(), listed.Value.OrderIds());
        Assert.StartsWith("Malformed PriceCalculationRequested:", listed.Value.GetProperty("annotations").Text("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_answers_500_or_never_answers_is_retried_and_reported_while_the_others_get_their_calls()
    {
        // Alerts the hanging receiver is already stuck on, whichever test ran before: a new alert must not wait behind them.
        await RabbitMqProbe.PublishAsync(stack.App, RoutingKeys.PriceCalculated, Guid.NewGuid().ToString(), "PriceCalculated", Encoding.UTF8.GetBytes("not json"), Guid.NewGuid());
        await RabbitMqProbe.PublishAsync(stack.App, RoutingKeys.ProductionStageChanged, Guid.NewGuid().ToString(), "ProductionStageChanged", Encoding.UTF8.GetBytes("not json"), Guid.NewGuid());
        await Eventually.WaitUntilAsync(
            () => new[] { OrderTopology.CrmPriceResults.Name, OrderTopology.CrmProductionEvents.Name }
                .All(earlier => stack.Webhooks.CallsTo(WebhookReceiver.Hanging).Any(call => call.Is("firing", DeadLettered, earlier))),
            WithinAMinute,
            () => $"the hanging receiver called with the CRM queues' dead-letter alerts; calls: {stack.Webhooks.Describe()}");

        // A poison message on another queue than the poison test's: each queue's dead-letter alert fires once.
        var orderId = Guid.NewGuid();
        await RabbitMqProbe.PublishAsync(stack.App, RoutingKeys.ManufacturingApproved, Guid.NewGuid().ToString(), "ManufacturingApproved", Encoding.UTF8.GetBytes("not json"), orderId);
        var queue = OrderTopology.MesApprovals.Name;

        // The healthy receiver is not held up by the two others.
        await WebhookCallAsync(call => call.Is("firing", DeadLettered, queue), WithinAMinute, $"a firing {DeadLettered} at the healthy receiver");

        // The failing one is called again and again (the resilience handler's retries, then redelivery), the hanging one
        // at least twice with this alert, although it may still hang on an earlier test's alerts.
        await Eventually.WaitUntilAsync(
            () => stack.Webhooks.CallsTo(WebhookReceiver.Failing).Count(call => call.Is("firing", DeadLettered, queue)) >= 4
                && stack.Webhooks.CallsTo(WebhookReceiver.Hanging).Count(call => call.Is("firing", DeadLettered, queue)) >= 2,
            WithinAMinute,
            () => $"retries at the failing and hanging receivers; calls: {stack.Webhooks.Describe()}");

        JsonElement report = default;
        await Eventually.WaitUntilAsync(
            async () => (report = await stack.Dashboard.AlertsAsync()).AlertOf(DeadLettered, queue) is { } alert
                && Delivery(alert, WebhookReceiver.Failing) is { } failing && failing.GetProperty("attempts").GetInt32() >= 2
                && failing.Text("lastError")?.Contains("500", StringComparison.Ordinal) == true
                && Delivery(alert, WebhookReceiver.Hanging) is { } hanging && hanging.Text("lastError") is not null
                && Delivery(alert, WebhookReceiver.Ok) is { } ok && ok.Text("deliveredAt") is not null,
            WithinAMinute,
            () => $"the failed deliveries reported on the alert; report: {report}");
        var evaluation = report.GetProperty("evaluation");
        Assert.True(evaluation.GetProperty("deliveryFailures").GetProperty(WebhookReceiver.Failing).GetInt64() >= 1);

        // Evaluation went on meanwhile, and the failures reached the dashboard's metrics.
        Assert.True(DateTimeOffset.Parse(evaluation.Text("lastEvaluatedAt")!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddSeconds(-10));
        await Eventually.WaitUntilAsync(
            () => stack.Telemetry.AnyPayloadContains("dashboard.alerts.webhook.failures"),
            WithinAMinute,
            () => $"the dashboard exports dashboard.alerts.webhook.failures; received {stack.Telemetry.RequestSummary}");
    }

    private static JsonElement? Delivery(JsonElement alert, string receiver) =>
        alert.Items("deliveries").Where(delivery => delivery.Text("receiver") == receiver && delivery.Text("state") == "Firing").Cast<JsonElement?>().FirstOrDefault();

    private static bool Mentions(JsonElement call, Guid orderId) =>
        call.Annotation("orders")?.Split(',').Contains(orderId.ToString()) == true;

    private async Task<JsonElement> WebhookCallAsync(Func<JsonElement, bool> match, TimeSpan timeout, string description)
    {
        JsonElement? found = null;
        await Eventually.WaitUntilAsync(
            () => (found = stack.Webhooks.CallsTo(WebhookReceiver.Ok).Cast<JsonElement?>().FirstOrDefault(call => match(call!.Value))) is not null,
            timeout,
            () => $"{description}; calls: {stack.Webhooks.Describe()}");
        return found!.Value;
    }
}
