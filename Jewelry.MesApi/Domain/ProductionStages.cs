using Jewelry.Contracts.Orders;

namespace Jewelry.MesApi.Domain;

/// <summary>
/// Production stages are the order statuses from MANUFACTURING_APPROVED to SHIPPED, so their order and
/// names come from the shared <see cref="OrderLifecycle"/> and <see cref="OrderStatusNames"/>.
/// </summary>
public static class ProductionStages
{
    public static IReadOnlyList<ProductionStage> All { get; } = Enum.GetValues<ProductionStage>();

    public static OrderStatus ToOrderStatus(this ProductionStage stage) => stage switch
    {
        ProductionStage.ManufacturingApproved => OrderStatus.ManufacturingApproved,
        ProductionStage.ManufacturingStarted => OrderStatus.ManufacturingStarted,
        ProductionStage.ManufacturingCompleted => OrderStatus.ManufacturingCompleted,
        ProductionStage.Packaging => OrderStatus.Packaging,
        ProductionStage.Shipped => OrderStatus.Shipped,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Not a production stage."),
    };

    public static bool TryFromOrderStatus(OrderStatus status, out ProductionStage stage)
    {
        foreach (var candidate in All)
        {
            if (candidate.ToOrderStatus() == status)
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }

    /// <summary>The wire name: <c>MANUFACTURING_STARTED</c>.</summary>
    public static string ToName(this ProductionStage stage) => stage.ToOrderStatus().ToName();

    public static bool CanMove(ProductionStage from, ProductionStage to) => OrderLifecycle.CanMove(from.ToOrderStatus(), to.ToOrderStatus());

    /// <summary>The stages production may move to next; CLOSED belongs to the CRM, so SHIPPED is the last one here.</summary>
    public static IReadOnlyList<ProductionStage> NextOf(ProductionStage stage)
    {
        var next = new List<ProductionStage>();
        foreach (var status in OrderLifecycle.NextOf(stage.ToOrderStatus()))
        {
            if (TryFromOrderStatus(status, out var nextStage))
            {
                next.Add(nextStage);
            }
        }

        return next;
    }

    /// <summary>The problem-details text for a refused stage change: the current stage and what it allows.</summary>
    public static string DescribeRefusal(ProductionStage from, ProductionStage to)
    {
        var next = NextOf(from);
        var allowed = next.Count == 0
            ? "nothing: production is finished"
            : string.Join(" or ", next.Select(s => s.ToName()));
        return $"The production order is {from.ToName()}; it cannot move to {to.ToName()}. From {from.ToName()} it can move to {allowed}.";
    }
}
