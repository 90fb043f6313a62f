using Jewelry.Contracts.Messages;
using Jewelry.Manufacturing.Pricing;
using Jewelry.MesApi.Data;
using Jewelry.MesApi.Domain;
using Jewelry.Messaging.Consuming;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.MesApi.Messaging;

/// <summary>An operator approved a priced shop order: queue its production at MANUFACTURING_APPROVED, once.</summary>
public sealed class ApprovalHandler(
    MesDbContext db,
    TimeProvider clock,
    ILogger<ApprovalHandler> logger) : IMessageHandler<ManufacturingApproved>
{
    public async Task HandleAsync(ManufacturingApproved message, MessageContext context, CancellationToken cancellationToken)
    {
        if (!MaterialNames.TryParse(message.Material, out _))
        {
            throw new PermanentMessageException($"Order {message.OrderId} was approved in an unknown material; expected one of {string.Join(", ", MaterialNames.All)}.");
        }

        // The inbox stops redeliveries; this stops a second approval sent as a new message.
        // A concurrent duplicate fails on the unique order id, and its retry lands here.
        if (await db.ProductionOrders.AnyAsync(p => p.OrderId == message.OrderId, cancellationToken))
        {
            logger.LogInformation("Order {OrderId} is already in production; the repeated approval is ignored", message.OrderId);
            return;
        }

        var production = ProductionOrder.Approve(
            ProductionSource.Shop, message.OrderId, message.Material, message.ProductType, message.ModelKey, clock.GetUtcNow());

        // The price the operator approved is the order's latest successful calculation.
        var price = await db.PriceCalculations
            .Where(c => c.OrderId == message.OrderId && c.Status == PriceCalculationStatus.Succeeded)
            .OrderByDescending(c => c.CalculatedAt)
            .Select(c => new { c.Price, c.Currency })
            .FirstOrDefaultAsync(cancellationToken);
        production.Price = price?.Price;
        production.Currency = price?.Currency;

        db.ProductionOrders.Add(production);
        logger.LogInformation("Order {OrderId} queued for production", message.OrderId);
    }
}
