using Jewelry.Contracts.Orders;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// How long a generated order stays in each status before the next transition: seconds for the price calculation,
/// hours for approvals, days in production and shipping. Most orders run to CLOSED; the rest stop in some status
/// (abandoned, or stuck there), which is what the stuck-orders report finds once they pass their thresholds.
/// </summary>
internal static class StatusStays
{
    /// <summary>The share of orders that stop before CLOSED.</summary>
    public const double StallShare = 0.15;

    private static readonly Dictionary<OrderStatus, (TimeSpan Min, TimeSpan Max)> s_stays = new()
    {
        [OrderStatus.Initiated] = (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30)),
        [OrderStatus.FileUploaded] = (TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)),
        [OrderStatus.Submitted] = (TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2)),
        [OrderStatus.PriceCalculated] = (TimeSpan.FromHours(1), TimeSpan.FromHours(24)),
        [OrderStatus.ManufacturingApproved] = (TimeSpan.FromMinutes(30), TimeSpan.FromHours(24)),
        [OrderStatus.ManufacturingStarted] = (TimeSpan.FromHours(12), TimeSpan.FromDays(3)),
        [OrderStatus.ManufacturingCompleted] = (TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
        [OrderStatus.Packaging] = (TimeSpan.FromHours(1), TimeSpan.FromHours(12)),
        [OrderStatus.Shipped] = (TimeSpan.FromDays(1), TimeSpan.FromDays(5)),
    };

    public static TimeSpan Stay(OrderStatus status, Random random)
    {
        var (min, max) = s_stays[status];
        return min + ((max - min) * random.NextDouble());
    }

    /// <summary>The statuses an order passes, from INITIATED, by the lifecycle's forward transitions, up to where it stops.</summary>
    public static List<OrderStatus> Path(Random random)
    {
        var path = new List<OrderStatus> { OrderStatus.Initiated };
        var stops = random.NextDouble() < StallShare ? (OrderStatus)random.Next((int)OrderStatus.Closed) : OrderStatus.Closed;
        while (path[^1] < stops)
        {
            path.Add(OrderLifecycle.NextOf(path[^1]).First(next => next > path[^1]));
        }

        return path;
    }
}
