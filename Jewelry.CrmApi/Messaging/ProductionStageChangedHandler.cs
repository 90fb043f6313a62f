using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Orders;
using Jewelry.Messaging.Consuming;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.CrmApi.Messaging;

/// <summary>
/// Mirrors the MES's production stages onto the order. A stage the lifecycle refuses is dead-lettered with
/// the refusal as its reason, where support can see it; retrying could not make it valid.
/// </summary>
public sealed class ProductionStageChangedHandler(ShopDbContext db, TimeProvider clock, ILogger<ProductionStageChangedHandler> logger)
    : IMessageHandler<ProductionStageChanged>
{
    public const int MaxTrackingNumberLength = 100;

    public static IReadOnlyList<OrderStatus> ProductionStages { get; } =
        [OrderStatus.ManufacturingStarted, OrderStatus.ManufacturingCompleted, OrderStatus.Packaging, OrderStatus.Shipped];

    public async Task HandleAsync(ProductionStageChanged message, MessageContext context, CancellationToken cancellationToken)
    {
        if (!OrderStatusNames.TryParse(message.Stage, out var parsed) || !ProductionStages.Contains(parsed.Value))
        {
            throw new PermanentMessageException(
                $"'{message.Stage}' is not a production stage; expected one of {string.Join(", ", ProductionStages.Select(s => s.ToName()))}.");
        }

        var stage = parsed.Value;
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == message.OrderId, cancellationToken)
            ?? throw new PermanentMessageException($"Production stage {stage.ToName()} for order {message.OrderId}, which does not exist.");

        OrderTracking.Track(order);

        // The MES's time of the change, unless its clock runs ahead of ours.
        var now = clock.GetUtcNow();
        var changedAt = message.ChangedAt < now ? message.ChangedAt : now;
        try
        {
            order.MoveTo(stage, changedAt, OrderSources.CrmApi);
        }
        catch (OrderTransitionRefusedException refusal)
        {
            throw new PermanentMessageException(refusal.Message);
        }

        if (stage == OrderStatus.Shipped && !string.IsNullOrWhiteSpace(message.TrackingNumber))
        {
            var tracking = message.TrackingNumber.Trim();
            order.TrackingNumber = tracking.Length > MaxTrackingNumberLength ? tracking[..MaxTrackingNumberLength] : tracking;
        }

        order.Touch(now);
        OrderTracking.Track(order);
        logger.LogInformation("Order {OrderId} moved to {Status} by the MES", order.Id, stage.ToName());
    }
}
