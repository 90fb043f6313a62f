namespace Jewelry.Contracts.Orders;

/// <summary>Which status may follow which. Anything else is refused and changes nothing.</summary>
public static class OrderLifecycle
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> s_next = new()
    {
        [OrderStatus.Initiated] = [OrderStatus.FileUploaded],
        // Before submitting, a customer may replace the model.
        [OrderStatus.FileUploaded] = [OrderStatus.FileUploaded, OrderStatus.Submitted],
        // Back to FILE_UPLOADED only when the model could not be priced: the order enforces that condition.
        [OrderStatus.Submitted] = [OrderStatus.PriceCalculated, OrderStatus.FileUploaded],
        [OrderStatus.PriceCalculated] = [OrderStatus.ManufacturingApproved],
        [OrderStatus.ManufacturingApproved] = [OrderStatus.ManufacturingStarted],
        [OrderStatus.ManufacturingStarted] = [OrderStatus.ManufacturingCompleted],
        [OrderStatus.ManufacturingCompleted] = [OrderStatus.Packaging],
        [OrderStatus.Packaging] = [OrderStatus.Shipped],
        [OrderStatus.Shipped] = [OrderStatus.Closed],
        [OrderStatus.Closed] = [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => s_next[from].Contains(to);

    public static IReadOnlyList<OrderStatus> NextOf(OrderStatus status) => s_next[status];

    /// <summary>The problem-details text for a refused transition: names the current status and what it allows.</summary>
    public static string DescribeRefusal(OrderStatus from, OrderStatus to)
    {
        var allowed = s_next[from];
        var next = allowed.Length == 0 ? "nothing: it is final" : string.Join(" or ", allowed.Select(s => s.ToName()));
        return $"The order is {from.ToName()}; it cannot move to {to.ToName()}. From {from.ToName()} it can move to {next}.";
    }
}
