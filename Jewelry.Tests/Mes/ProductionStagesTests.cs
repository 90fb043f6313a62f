using Jewelry.Contracts.Orders;
using Jewelry.MesApi.Domain;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class ProductionStagesTests
{
    [Fact]
    public void Every_stage_is_the_order_status_of_the_same_name()
    {
        foreach (var stage in ProductionStages.All)
        {
            var status = stage.ToOrderStatus();
            Assert.Equal(status.ToName(), stage.ToName());
            Assert.True(ProductionStages.TryFromOrderStatus(status, out var back));
            Assert.Equal(stage, back);
        }

        Assert.Equal("MANUFACTURING_APPROVED", ProductionStage.ManufacturingApproved.ToName());
        Assert.Equal("SHIPPED", ProductionStage.Shipped.ToName());
    }

    [Theory]
    [InlineData(OrderStatus.Submitted)]
    [InlineData(OrderStatus.PriceCalculated)]
    [InlineData(OrderStatus.Closed)]
    public void Statuses_outside_production_are_no_stage(OrderStatus status)
        => Assert.False(ProductionStages.TryFromOrderStatus(status, out _));

    [Fact]
    public void Stages_follow_the_order_lifecycle_one_step_at_a_time()
    {
        var stages = ProductionStages.All;
        for (var i = 0; i < stages.Count; i++)
        {
            for (var j = 0; j < stages.Count; j++)
            {
                Assert.Equal(j == i + 1, ProductionStages.CanMove(stages[i], stages[j]));
            }
        }
    }

    [Fact]
    public void Shipped_is_the_last_stage_in_production_although_the_crm_closes_orders_after_it()
    {
        Assert.Empty(ProductionStages.NextOf(ProductionStage.Shipped));
        Assert.Equal([ProductionStage.Packaging], ProductionStages.NextOf(ProductionStage.ManufacturingCompleted));
    }

    [Fact]
    public void A_refusal_names_the_current_stage_and_what_it_allows()
    {
        var detail = ProductionStages.DescribeRefusal(ProductionStage.ManufacturingApproved, ProductionStage.Shipped);

        Assert.Equal(
            "The production order is MANUFACTURING_APPROVED; it cannot move to SHIPPED. From MANUFACTURING_APPROVED it can move to MANUFACTURING_STARTED.",
            detail);
        Assert.Contains("nothing", ProductionStages.DescribeRefusal(ProductionStage.Shipped, ProductionStage.Packaging), StringComparison.Ordinal);
    }
}
