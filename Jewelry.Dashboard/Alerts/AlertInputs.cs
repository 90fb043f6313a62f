using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Stages;

namespace Jewelry.Dashboard.Alerts;

/// <summary>What one evaluation reads from the store: the stuck-orders report, and the stage statistics of each rule window.</summary>
public sealed record AlertInputs(
    DateTimeOffset Now,
    OrderTrackingOptions Orders,
    StuckOrdersReport Stuck,
    IReadOnlyDictionary<TimeSpan, StageStatisticsReport> Stages);
