using System.Diagnostics.CodeAnalysis;

namespace Jewelry.Contracts.Orders;

/// <summary>The names statuses have in APIs, messages, databases and telemetry: INITIATED, FILE_UPLOADED, ...</summary>
public static class OrderStatusNames
{
    private static readonly Dictionary<OrderStatus, string> s_names = new()
    {
        [OrderStatus.Initiated] = "INITIATED",
        [OrderStatus.FileUploaded] = "FILE_UPLOADED",
        [OrderStatus.Submitted] = "SUBMITTED",
        [OrderStatus.PriceCalculated] = "PRICE_CALCULATED",
        [OrderStatus.ManufacturingApproved] = "MANUFACTURING_APPROVED",
        [OrderStatus.ManufacturingStarted] = "MANUFACTURING_STARTED",
        [OrderStatus.ManufacturingCompleted] = "MANUFACTURING_COMPLETED",
        [OrderStatus.Packaging] = "PACKAGING",
        [OrderStatus.Shipped] = "SHIPPED",
        [OrderStatus.Closed] = "CLOSED",
    };

    private static readonly Dictionary<string, OrderStatus> s_statuses =
        s_names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> All => s_names.Values;

    public static string ToName(this OrderStatus status) => s_names[status];

    public static bool TryParse(string? name, [NotNullWhen(true)] out OrderStatus? status)
    {
        status = name is not null && s_statuses.TryGetValue(name, out var found) ? found : null;
        return status is not null;
    }

    public static OrderStatus Parse(string name) =>
        TryParse(name, out var status) ? status.Value : throw new FormatException($"'{name}' is not an order status; expected one of {string.Join(", ", All)}.");
}
