using Jewelry.MesApi.Domain;

namespace Jewelry.Tests.Security;

[Trait("Category", "Unit")]
public sealed class ProductionJourneyTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_stage_lasts_until_the_next_and_the_current_one_until_now()
    {
        var order = ProductionOrder.Approve(ProductionSource.Seller, Guid.NewGuid(), "silver-925", "ring", "key", s_start);
        Assert.True(order.TryMoveTo(ProductionStage.ManufacturingStarted, s_start.AddHours(2)));
        Assert.True(order.TryMoveTo(ProductionStage.ManufacturingCompleted, s_start.AddHours(5)));

        var journey = ProductionJourney.Of(order, s_start.AddHours(6));

        Assert.Equal(ProductionStage.ManufacturingCompleted, journey.CurrentStage);
        Assert.Equal(s_start.AddHours(5), journey.Since);
        Assert.Equal(TimeSpan.FromHours(1), journey.InCurrentStage);
        Assert.Equal(
            [(ProductionStage.ManufacturingApproved, TimeSpan.FromHours(2), true), (ProductionStage.ManufacturingStarted, TimeSpan.FromHours(3), true), (ProductionStage.ManufacturingCompleted, TimeSpan.FromHours(1), false)],
            journey.Stages.Select(s => (s.Stage, s.Duration, s.LeftAt is not null)));
    }

    [Fact]
    public void A_new_order_is_in_its_first_stage_since_it_was_placed()
    {
        var order = ProductionOrder.Approve(ProductionSource.Seller, Guid.NewGuid(), "gold-585", "pendant", "key", s_start);

        var journey = ProductionJourney.Of(order, s_start.AddMinutes(3));

        var stage = Assert.Single(journey.Stages);
        Assert.Null(stage.LeftAt);
        Assert.Equal(TimeSpan.FromMinutes(3), stage.Duration);
        Assert.Equal(ProductionStage.ManufacturingApproved, journey.CurrentStage);
    }
}
