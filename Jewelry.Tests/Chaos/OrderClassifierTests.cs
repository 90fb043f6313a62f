using Jewelry.Chaos.Checking;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Topology;

namespace Jewelry.Tests.Chaos;

[Trait("Category", "Unit")]
public sealed class OrderClassifierTests
{
    private static readonly Guid s_order = Guid.Parse("9c0e43a6-7d1b-4f3e-9a55-2b1f6f0c8d11");
    private static readonly string[] s_toPriced = ["INITIATED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED"];

    [Fact]
    public void An_order_priced_once_with_its_chain_in_one_trace_is_clean()
    {
        var verdict = OrderClassifier.Classify(Priced());

        Assert.True(verdict.IsClean, string.Join("; ", [.. verdict.Duplicates, .. verdict.Unexpected, .. verdict.ChainBroken]));
    }

    [Fact]
    public void An_order_that_stopped_short_with_no_reason_anywhere_is_lost()
    {
        var verdict = OrderClassifier.Classify(Evidence("SUBMITTED", History("INITIATED", "FILE_UPLOADED", "SUBMITTED")));

        Assert.True(verdict.Lost);
        Assert.Null(verdict.VisibleFailure);
    }

    [Fact]
    public void An_order_that_stopped_short_with_a_dead_letter_is_not_lost_and_names_the_reason()
    {
        var letter = new DeadLetter(OrderTopology.MesPriceRequests.DeadLetterQueue, "m-1", s_order, "model not found");
        var verdict = OrderClassifier.Classify(Evidence("SUBMITTED", History("INITIATED", "FILE_UPLOADED", "SUBMITTED")) with { DeadLetters = [letter] });

        Assert.False(verdict.Lost);
        Assert.Contains("model not found", verdict.VisibleFailure, StringComparison.Ordinal);
        Assert.False(verdict.IsClean);
    }

    [Fact]
    public void An_order_that_stopped_short_with_a_failure_reason_in_shopdb_is_not_lost()
    {
        var verdict = OrderClassifier.Classify(Evidence("SUBMITTED", History("INITIATED", "FILE_UPLOADED", "SUBMITTED")) with { FailureReason = "does not fit" });

        Assert.False(verdict.Lost);
        Assert.Contains("does not fit", verdict.VisibleFailure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_entered_twice_that_the_lifecycle_never_returns_to_is_a_duplicate()
    {
        var verdict = OrderClassifier.Classify(Priced() with { History = History([.. s_toPriced, "PRICE_CALCULATED"]) });

        Assert.Contains("status PRICE_CALCULATED entered 2 times", verdict.Duplicates);
    }

    [Fact]
    public void A_model_replaced_or_a_submit_repeated_after_a_failed_price_is_no_duplicate()
    {
        var history = History("INITIATED", "FILE_UPLOADED", "FILE_UPLOADED", "SUBMITTED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED");
        var verdict = OrderClassifier.Classify(Priced() with { History = history, SucceededPriceCalculations = 1 });

        Assert.Empty(verdict.Duplicates);
        Assert.Empty(verdict.Unexpected);
    }

    [Theory]
    [InlineData(OrderStatus.FileUploaded, true)]
    [InlineData(OrderStatus.Submitted, true)]
    [InlineData(OrderStatus.PriceCalculated, false)]
    [InlineData(OrderStatus.Closed, false)]
    public void Only_statuses_on_a_cycle_of_the_lifecycle_may_repeat(OrderStatus status, bool mayRepeat) =>
        Assert.Equal(mayRepeat, OrderClassifier.MayRepeat(status));

    [Fact]
    public void Two_prices_for_one_submit_two_production_orders_and_a_price_request_answered_twice_are_duplicates()
    {
        var verdict = OrderClassifier.Classify(Priced() with
        {
            SucceededPriceCalculations = 2,
            ProductionOrders = 2,
            MesOutboxByRoutingKey = new Dictionary<string, int> { [RoutingKeys.PriceCalculated] = 2 },
            CrmOutboxByRoutingKey = new Dictionary<string, int> { [RoutingKeys.PriceRequested] = 2, [RoutingKeys.ManufacturingApproved] = 2 },
            ProductionStages = ["MANUFACTURING_STARTED", "MANUFACTURING_STARTED"],
        });

        Assert.Equal(6, verdict.Duplicates.Count);
    }

    [Fact]
    public void A_history_that_skips_a_status_or_does_not_follow_on_is_unexpected()
    {
        var skipping = OrderClassifier.Classify(Priced() with
        {
            History = [new(null, "INITIATED", At(0)), new("INITIATED", "FILE_UPLOADED", At(1)), new("FILE_UPLOADED", "PRICE_CALCULATED", At(2))],
        });
        var jumping = OrderClassifier.Classify(Priced() with
        {
            History = [new(null, "INITIATED", At(0)), new("FILE_UPLOADED", "SUBMITTED", At(1))],
        });

        Assert.Contains("FILE_UPLOADED -> PRICE_CALCULATED is not an allowed transition", skipping.Unexpected);
        Assert.Contains("FILE_UPLOADED -> SUBMITTED follows INITIATED", jumping.Unexpected);
    }

    [Fact]
    public void A_status_that_is_not_where_the_history_ends_is_unexpected()
    {
        var verdict = OrderClassifier.Classify(Priced() with { Status = "SUBMITTED" });

        Assert.Contains("status SUBMITTED but the history ends at PRICE_CALCULATED", verdict.Unexpected);
    }

    [Fact]
    public void A_priced_order_without_spans_or_without_its_transition_span_has_its_chain_missing()
    {
        Assert.NotNull(OrderClassifier.Classify(Priced() with { Spans = [] }).ChainMissing);
        Assert.NotNull(OrderClassifier.Classify(Priced() with { Spans = [.. PriceChain().Where(s => s.StatusTo != "PRICE_CALCULATED")] }).ChainMissing);
    }

    [Fact]
    public void A_price_chain_whose_mes_spans_are_in_no_trace_or_another_is_broken()
    {
        var chain = PriceChain().Select(s => s.Service == OrderClassifier.MesService ? s with { TraceId = "other" } : s).ToList();

        var verdict = OrderClassifier.Classify(Priced() with { Spans = chain });

        Assert.Null(verdict.ChainMissing);
        Assert.Contains(verdict.ChainBroken, reason => reason.Contains(OrderTopology.MesPriceRequests.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_hop_missing_because_its_service_was_killed_right_after_the_work_is_lost_with_the_kill_not_broken()
    {
        var pricedAt = At(3);
        var chain = PriceChain().Where(s => s.Service != OrderClassifier.MesService).ToList();
        var evidence = Priced() with { Spans = chain, PricedAt = pricedAt };

        var killedRightAfter = OrderClassifier.Classify(evidence, [new Kill("mes-api", pricedAt.AddSeconds(1))]);
        var killedLongAfter = OrderClassifier.Classify(evidence, [new Kill("mes-api", pricedAt + OrderClassifier.ExportWindow + TimeSpan.FromSeconds(1))]);
        var otherKilled = OrderClassifier.Classify(evidence, [new Kill("crm-api", pricedAt.AddSeconds(1))]);

        Assert.Empty(killedRightAfter.ChainBroken);
        Assert.Contains(killedRightAfter.ChainLostWithKill, reason => reason.Contains("SIGKILL of mes-api", StringComparison.Ordinal));
        Assert.True(killedRightAfter.IsClean);
        Assert.NotEmpty(killedLongAfter.ChainBroken);
        Assert.NotEmpty(otherKilled.ChainBroken);
    }

    [Fact]
    public void A_missing_price_transition_right_before_the_crm_was_killed_is_lost_with_the_kill()
    {
        var evidence = Priced() with { Spans = [.. PriceChain().Where(s => s.StatusTo != "PRICE_CALCULATED")] };

        var verdict = OrderClassifier.Classify(evidence, [new Kill("crm-api", At(3).AddMilliseconds(800))]);

        Assert.Null(verdict.ChainMissing);
        Assert.Contains(verdict.ChainLostWithKill, reason => reason.Contains("PRICE_CALCULATED", StringComparison.Ordinal));
    }

    [Fact]
    public void An_order_never_priced_has_no_chain_to_miss()
    {
        var verdict = OrderClassifier.Classify(Evidence("SUBMITTED", History("INITIATED", "FILE_UPLOADED", "SUBMITTED")) with { FailureReason = "does not fit" });

        Assert.Null(verdict.ChainMissing);
        Assert.Empty(verdict.ChainBroken);
    }

    private static OrderEvidence Priced() =>
        Evidence("PRICE_CALCULATED", History(s_toPriced)) with { SucceededPriceCalculations = 1, Spans = PriceChain() };

    private static List<TransitionSpan> PriceChain() =>
    [
        new("t0", "shop-api", "order.transition INITIATED", "INITIATED", null, null),
        new("t1", "shop-api", "order.transition INITIATED -> FILE_UPLOADED", "FILE_UPLOADED", null, null),
        new("t2", "shop-api", "POST /api/orders/{id:guid}/submit", null, null, OrderClassifier.SubmitRoute),
        new("t2", "shop-api", "order.transition FILE_UPLOADED -> SUBMITTED", "SUBMITTED", null, null),
        new("t2", "mes-api", "process mes.price-requests", null, OrderTopology.MesPriceRequests.Name, null),
        new("t2", "crm-api", "process crm.price-results", null, OrderTopology.CrmPriceResults.Name, null),
        new("t2", "crm-api", "order.transition SUBMITTED -> PRICE_CALCULATED", "PRICE_CALCULATED", null, null),
    ];

    private static OrderEvidence Evidence(string status, IReadOnlyList<StatusChange> history) =>
        new(s_order, "PRICE_CALCULATED", status, null, history, 0, null, 0, null, new Dictionary<string, int>(), new Dictionary<string, int>(), [], [], [], null);

    private static List<StatusChange> History(params string[] statuses) =>
        [.. statuses.Select((status, i) => new StatusChange(i == 0 ? null : statuses[i - 1], status, At(i), i < 3 ? "shop-api" : "crm-api"))];

    private static DateTimeOffset At(int second) => new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero).AddSeconds(second);
}
