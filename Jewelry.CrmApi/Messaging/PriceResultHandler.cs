using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Orders;
using Jewelry.Messaging.Consuming;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Telemetry;
using Microsoft.EntityFrameworkCore;
using ServiceOrderTelemetry = Jewelry.ServiceDefaults.Telemetry.OrderTelemetry;

namespace Jewelry.CrmApi.Messaging;

/// <summary>
/// The MES's answer to a price request. Runs inside the consumer's transaction; the consumer saves and commits.
/// A result for an order no longer SUBMITTED is stale (a duplicate or a late answer) and is ignored.
/// </summary>
public sealed class PriceResultHandler(ShopDbContext db, TimeProvider clock, ILogger<PriceResultHandler> logger)
    : IMessageHandler<PriceCalculated>, IMessageHandler<PriceCalculationFailed>
{
    public const int MaxFailureReasonLength = 2000;

    // numeric(12,2)
    private const decimal MaxPrice = 9_999_999_999.99m;

    public async Task HandleAsync(PriceCalculated message, MessageContext context, CancellationToken cancellationToken)
    {
        if (message.Price is < 0 or > MaxPrice)
        {
            throw new PermanentMessageException($"The price {message.Price} of order {message.OrderId} is out of range.");
        }

        if (message.Currency is not { Length: 3 } || !message.Currency.All(char.IsAsciiLetter))
        {
            throw new PermanentMessageException($"The currency of order {message.OrderId} is not an ISO 4217 code.");
        }

        var order = await FindSubmittedAsync(message.OrderId, nameof(PriceCalculated), cancellationToken);
        if (order is null)
        {
            return;
        }

        order.MoveTo(OrderStatus.PriceCalculated, clock.GetUtcNow(), OrderSources.CrmApi);
        order.Price = message.Price;
        order.Currency = message.Currency.ToUpperInvariant();
        order.FailureReason = null;
        OrderTracking.Track(order);
        logger.LogInformation("Order {OrderId} priced", order.Id);
    }

    public async Task HandleAsync(PriceCalculationFailed message, MessageContext context, CancellationToken cancellationToken)
    {
        var order = await FindSubmittedAsync(message.OrderId, nameof(PriceCalculationFailed), cancellationToken);
        if (order is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        order.FailureReason = message.Reason.Length > MaxFailureReasonLength ? message.Reason[..MaxFailureReasonLength] : message.Reason;
        order.LastFailureAt = now;
        order.Touch(now);
        ServiceOrderTelemetry.RecordFailure("price_calculation_failed", $"The MES could not price the order: {order.FailureReason}");
        logger.LogWarning("The price of order {OrderId} could not be calculated; the order stays SUBMITTED with the reason", order.Id);
    }

    private async Task<Order?> FindSubmittedAsync(Guid orderId, string messageType, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new PermanentMessageException($"{messageType} for order {orderId}, which does not exist.");

        OrderTracking.Track(order);
        if (order.Status == OrderStatus.Submitted)
        {
            return order;
        }

        logger.LogInformation("Ignoring stale {MessageType} for order {OrderId}, which is {Status}", messageType, order.Id, order.Status.ToName());
        return null;
    }
}
