using Jewelry.Dashboard.Alerts;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Stages;

namespace Jewelry.Tests.Alerts;

/// <summary>Each rule kind read from the reports the stuck and stages pages compute: one alert per status, queue or hop over its threshold.</summary>
[Trait("Category", "Unit")]
public sealed class AlertRuleEvaluatorTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_hour = TimeSpan.FromHours(1);

    private static readonly OrderTrackingOptions s_orders = new()
    {
        LostMessageAfter = TimeSpan.FromSeconds(15),
        Statuses =
        [
            new StatusStage { Name = "SUBMITTED", Service = "mes-api", Stage = "Price calculation in the MES", Threshold = TimeSpan.FromMinutes(5), Queue = "mes.price-requests" },
            new StatusStage { Name = "PRICE_CALCULATED", Service = "crm-api", Stage = "Operator approves", Threshold = TimeSpan.FromDays(2) },
        ],
    };

    private static LostMessage Lost(string orderId, string queue, double waitingSeconds) =>
        new(orderId, "m-" + orderId, "orders", "price.requested", queue, s_now.AddSeconds(-waitingSeconds), waitingSeconds * 1000, "crm-api", "t", "s");

    private static DeadLetteredMessage Dead(string orderId, string queue, TimeSpan ago, string reason) =>
        new(orderId, "m-" + orderId, queue, "price.requested", reason, s_now - ago, "mes-api", "t", "s");

    private static StuckOrder Stuck(string orderId, string status) =>
        new(orderId, status, s_now.AddMinutes(-10), 600_000, 300_000, "mes-api", "Price calculation in the MES", "mes.price-requests", null, null, "t");

    private static HopStatistics Hop(string service, string name, long count, long errors, double p95Ms) =>
        new(HopKind.Http, service, name, count, errors, count == 0 ? 0 : (double)errors / count, p95Ms / 2, p95Ms, p95Ms * 1.5, p95Ms * 2, p95Ms * count, [new SlowOrder("slow-1", p95Ms * 2, "t", "s")]);

    private static AlertInputs Inputs(
        IReadOnlyList<StuckOrder>? stuck = null,
        IReadOnlyList<LostMessage>? lost = null,
        IReadOnlyList<DeadLetteredMessage>? dead = null,
        IReadOnlyList<HopStatistics>? hops = null,
        IReadOnlyList<StatusStatistics>? statuses = null,
        IReadOnlyList<StuckStatusCount>? stuckCounts = null) =>
        new(
            s_now,
            s_orders,
            new StuckOrdersReport(s_now, s_now.AddDays(-7), 15_000, stuck ?? [], lost ?? [], dead ?? [], []) { StuckCounts = stuckCounts ?? [] },
            new Dictionary<TimeSpan, StageStatisticsReport> { [s_hour] = new(new StageWindow(s_now - s_hour, s_now), statuses ?? [], hops ?? [], false) });

    private static List<EvaluatedAlert> Evaluate(AlertRuleOptions rule, AlertInputs inputs) => [.. AlertRuleEvaluator.Evaluate("rule", rule, inputs)];

    [Fact]
    public void Lost_messages_raise_one_alert_per_queue_naming_the_consumer_and_listing_the_orders()
    {
        var alerts = Evaluate(
            new AlertRuleOptions { Kind = "LostMessages", Severity = "critical" },
            Inputs(lost: [Lost("a", "mes.price-requests", 20), Lost("b", "mes.price-requests", 30), Lost("c", "crm.price-results", 40)]));

        Assert.Equal(2, alerts.Count);
        var price = alerts.Single(alert => alert.Labels[AlertLabels.Queue] == "mes.price-requests");
        Assert.Equal(["a", "b"], price.Orders);
        Assert.Equal(2, price.Value);
        Assert.Equal("mes-api", price.Labels[AlertLabels.Service]);
        Assert.Equal("Price calculation in the MES", price.Labels[AlertLabels.Stage]);
        Assert.Equal("critical", price.Labels[AlertLabels.Severity]);
        Assert.Equal("a,b", price.Annotations[AlertLabels.Orders]);
        Assert.Equal("2 messages to mes.price-requests not consumed within 15s", price.Annotations[AlertLabels.Summary]);
    }

    [Fact]
    public void A_longer_wait_and_a_threshold_leave_out_what_is_not_yet_over_them()
    {
        var inputs = Inputs(lost: [Lost("a", "mes.price-requests", 20), Lost("b", "mes.price-requests", 70), Lost("c", "mes.price-requests", 80)]);

        Assert.Equal(["b", "c"], Assert.Single(Evaluate(new AlertRuleOptions { Kind = "LostMessages", After = TimeSpan.FromMinutes(1) }, inputs)).Orders);
        Assert.Empty(Evaluate(new AlertRuleOptions { Kind = "LostMessages", Threshold = 3 }, inputs));
        Assert.Empty(Evaluate(new AlertRuleOptions { Kind = "LostMessages", Queue = "crm.price-results" }, inputs));
    }

    [Fact]
    public void Dead_letters_in_the_window_raise_an_alert_with_the_latest_reason()
    {
        var alert = Assert.Single(Evaluate(
            new AlertRuleOptions { Kind = "DeadLettered", Window = s_hour },
            Inputs(dead: [Dead("a", "mes.price-requests", TimeSpan.FromMinutes(30), "older"), Dead("b", "mes.price-requests", TimeSpan.FromMinutes(5), "Malformed: x"), Dead("c", "mes.price-requests", TimeSpan.FromHours(2), "outside")])));

        Assert.Equal(["a", "b"], alert.Orders);
        Assert.Equal("Malformed: x", alert.Annotations[AlertLabels.Reason]);
        Assert.Equal("mes-api", alert.Labels[AlertLabels.Service]);
    }

    [Fact]
    public void Stuck_orders_raise_one_alert_per_status_over_the_count()
    {
        var inputs = Inputs(
            stuck: [Stuck("a", "SUBMITTED"), Stuck("b", "SUBMITTED"), Stuck("c", "PRICE_CALCULATED")],
            stuckCounts: [new("SUBMITTED", 2, 600_000), new("PRICE_CALCULATED", 1, 600_000)]);

        var alerts = Evaluate(new AlertRuleOptions { Kind = "StuckOrders", Threshold = 1 }, inputs);

        var alert = Assert.Single(alerts);
        Assert.Equal("SUBMITTED", alert.Labels[AlertLabels.Status]);
        Assert.Equal("mes.price-requests", alert.Labels[AlertLabels.Queue]);
        Assert.Equal(["a", "b"], alert.Orders);
    }

    [Fact]
    public void Stuck_orders_are_counted_in_full_although_the_report_lists_only_the_most_overdue()
    {
        // 250 orders wait in SUBMITTED and 3 in PRICE_CALCULATED; the report's rows hold two SUBMITTED ones and none of the others.
        var inputs = Inputs(
            stuck: [Stuck("a", "SUBMITTED"), Stuck("b", "SUBMITTED")],
            stuckCounts: [new("SUBMITTED", 250, 900_000), new("PRICE_CALCULATED", 3, 3 * 86_400_000)]);

        var alerts = Evaluate(new AlertRuleOptions { Kind = "StuckOrders", Threshold = 2 }, inputs);

        var submitted = alerts.Single(alert => alert.Labels[AlertLabels.Status] == "SUBMITTED");
        Assert.Equal(250, submitted.Value);
        Assert.Equal(["a", "b"], submitted.Orders);
        Assert.Equal("250 orders in SUBMITTED past the threshold of 5min", submitted.Annotations[AlertLabels.Summary]);
        Assert.Equal("Waiting for Price calculation in the MES (mes-api); the longest for 15min.", submitted.Annotations[AlertLabels.Description]);
        var priced = alerts.Single(alert => alert.Labels[AlertLabels.Status] == "PRICE_CALCULATED");
        Assert.Equal(3, priced.Value);
        Assert.Empty(priced.Orders);
        Assert.Equal("crm-api", priced.Labels[AlertLabels.Service]);
        Assert.Equal("Operator approves", priced.Labels[AlertLabels.Stage]);
    }

    [Fact]
    public void Hop_error_rates_and_p95_are_judged_only_with_enough_spans()
    {
        var inputs = Inputs(hops: [Hop("mes-api", "POST /price", 100, 10, 200), Hop("crm-api", "GET /orders", 3, 3, 5_000), Hop("shop-api", "GET /", 100, 1, 50)]);

        var errors = Assert.Single(Evaluate(new AlertRuleOptions { Kind = "ErrorRate", Target = "Hop", Threshold = 5, MinCount = 20, Window = s_hour }, inputs));
        Assert.Equal("mes-api", errors.Labels[AlertLabels.Service]);
        Assert.Equal("POST /price", errors.Labels[AlertLabels.Hop]);
        Assert.Equal(10, errors.Value, 6);

        var slow = Assert.Single(Evaluate(new AlertRuleOptions { Kind = "P95", Target = "Hop", Latency = TimeSpan.FromMilliseconds(100), MinCount = 20, Window = s_hour }, inputs));
        Assert.Equal("POST /price", slow.Labels[AlertLabels.Hop]);
        Assert.Equal(["slow-1"], slow.Orders);
    }

    [Fact]
    public void Status_p95_names_the_stage_of_the_status()
    {
        var statuses = new[] { new StatusStatistics("SUBMITTED", "Price calculation in the MES", 10, 0, 0, 10, 0, 1_000, 90_000, 95_000, 100_000, []) };

        var alert = Assert.Single(Evaluate(new AlertRuleOptions { Kind = "P95", Status = "SUBMITTED", Latency = TimeSpan.FromMinutes(1), Window = s_hour }, Inputs(statuses: statuses)));

        Assert.Equal("mes-api", alert.Labels[AlertLabels.Service]);
        Assert.Equal("Price calculation in the MES", alert.Labels[AlertLabels.Stage]);
        Assert.Equal(90_000, alert.Value);
        Assert.Empty(Evaluate(new AlertRuleOptions { Kind = "P95", Status = "SUBMITTED", Latency = TimeSpan.FromMinutes(2), Window = s_hour }, Inputs(statuses: statuses)));
    }
}
