using Jewelry.MesApi.Domain;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class ProductionOrderTests
{
    private static DateTimeOffset Start { get; } = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static ProductionOrder Approved() =>
        ProductionOrder.Approve(ProductionSource.Shop, Guid.NewGuid(), "gold-585", "ring", "orders/x/model.stl", Start);

    [Fact]
    public void An_approved_order_waits_at_manufacturing_approved_with_that_step_in_its_history()
    {
        var order = Approved();

        Assert.Equal(ProductionStage.ManufacturingApproved, order.Stage);
        Assert.Equal(Start, order.StageChangedAt);
        var step = Assert.Single(order.Steps);
        Assert.Equal((order.Id, ProductionStage.ManufacturingApproved, Start), (step.ProductionOrderId, step.Stage, step.ChangedAt));
    }

    [Fact]
    public void Moving_through_production_records_each_stage_and_the_tracking_number()
    {
        var order = Approved();

        Assert.True(order.TryMoveTo(ProductionStage.ManufacturingStarted, Start.AddHours(1)));
        Assert.True(order.TryMoveTo(ProductionStage.ManufacturingCompleted, Start.AddHours(2)));
        Assert.True(order.TryMoveTo(ProductionStage.Packaging, Start.AddHours(3)));
        Assert.True(order.TryMoveTo(ProductionStage.Shipped, Start.AddHours(4), "RA123456789RU"));

        Assert.Equal(ProductionStage.Shipped, order.Stage);
        Assert.Equal("RA123456789RU", order.TrackingNumber);
        Assert.Equal(Start.AddHours(4), order.StageChangedAt);
        Assert.Equal(ProductionStages.All, order.Steps.Select(s => s.Stage));
    }

    [Fact]
    public void A_refused_move_changes_nothing()
    {
        var order = Approved();

        Assert.False(order.TryMoveTo(ProductionStage.Shipped, Start.AddHours(1), "RA1"));
        Assert.False(order.TryMoveTo(ProductionStage.ManufacturingApproved, Start.AddHours(1)));

        Assert.Equal(ProductionStage.ManufacturingApproved, order.Stage);
        Assert.Null(order.TrackingNumber);
        Assert.Equal(Start, order.UpdatedAt);
        Assert.Single(order.Steps);
    }
}
