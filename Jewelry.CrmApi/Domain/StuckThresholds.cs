using Jewelry.Contracts.Orders;

namespace Jewelry.CrmApi.Domain;

/// <summary>How long an order may stay in each status before it counts as stuck. CLOSED never does.</summary>
public sealed class StuckThresholds
{
    public static readonly TimeSpan MaxThreshold = TimeSpan.FromDays(3650);

    private StuckThresholds(IReadOnlyDictionary<OrderStatus, TimeSpan> byStatus) => ByStatus = byStatus;

    public static IReadOnlyDictionary<OrderStatus, TimeSpan> Defaults { get; } = new Dictionary<OrderStatus, TimeSpan>
    {
        // Customer-side: an order nobody finishes is worth a look, not an alarm.
        [OrderStatus.Initiated] = TimeSpan.FromDays(1),
        [OrderStatus.FileUploaded] = TimeSpan.FromDays(1),
        // Pricing is automatic and takes seconds: minutes in SUBMITTED mean the chain broke.
        [OrderStatus.Submitted] = TimeSpan.FromMinutes(5),
        [OrderStatus.PriceCalculated] = TimeSpan.FromDays(2),
        [OrderStatus.ManufacturingApproved] = TimeSpan.FromDays(3),
        [OrderStatus.ManufacturingStarted] = TimeSpan.FromDays(3),
        [OrderStatus.ManufacturingCompleted] = TimeSpan.FromDays(3),
        [OrderStatus.Packaging] = TimeSpan.FromDays(2),
        [OrderStatus.Shipped] = TimeSpan.FromDays(14),
    };

    public IReadOnlyDictionary<OrderStatus, TimeSpan> ByStatus { get; }

    /// <summary>What is wrong with configured thresholds: unknown statuses, CLOSED, values out of range.</summary>
    public static List<string> Validate(IReadOnlyDictionary<string, TimeSpan> configured)
    {
        var errors = new List<string>();
        foreach (var (name, threshold) in configured)
        {
            if (!OrderStatusNames.TryParse(name, out var status))
            {
                errors.Add($"Crm:StuckThresholds:{name}: '{name}' is not an order status; expected one of {string.Join(", ", OrderStatusNames.All)}.");
            }
            else if (status == OrderStatus.Closed)
            {
                errors.Add($"Crm:StuckThresholds:{name}: CLOSED is final; an order cannot be stuck in it.");
            }
            else if (threshold <= TimeSpan.Zero || threshold > MaxThreshold)
            {
                errors.Add($"Crm:StuckThresholds:{name}: {threshold} is not between 0 and {MaxThreshold.TotalDays} days.");
            }
        }

        return errors;
    }

    /// <summary>The defaults with the configured thresholds laid over them.</summary>
    /// <exception cref="ArgumentException">The configuration is not valid (see <see cref="Validate"/>).</exception>
    public static StuckThresholds Create(IReadOnlyDictionary<string, TimeSpan> configured)
    {
        var errors = Validate(configured);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(configured));
        }

        var byStatus = new Dictionary<OrderStatus, TimeSpan>(Defaults);
        foreach (var (name, threshold) in configured)
        {
            byStatus[OrderStatusNames.Parse(name)] = threshold;
        }

        return new StuckThresholds(byStatus);
    }
}
