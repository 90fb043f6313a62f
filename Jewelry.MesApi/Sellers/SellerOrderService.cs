using Jewelry.MesApi.Data;
using Jewelry.MesApi.Domain;
using Jewelry.MesApi.Pricing;

namespace Jewelry.MesApi.Sellers;

/// <summary>Places a priced seller order: the model in the store, then the production order and its calculation in one save.</summary>
public sealed class SellerOrderService(MesDbContext db, ModelStore models, TimeProvider clock, ILogger<SellerOrderService> logger)
{
    public async Task<(ProductionOrder Order, PriceCalculation Calculation)> PlaceAsync(
        string clientId, byte[] model, string material, string productType, PricedModel priced, TimeSpan pricingDuration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var orderId = Guid.CreateVersion7(now);
        var key = ModelStore.SellerModelKey(clientId, orderId);

        var order = ProductionOrder.Approve(ProductionSource.Seller, orderId, material, productType, key, now);
        order.SellerClientId = clientId;
        order.Price = priced.Quote.Total;
        order.Currency = priced.Quote.Currency;
        var calculation = PriceCalculation.Succeeded(orderId, key, material, priced.Metrics, priced.Quote, now, pricingDuration);

        // The model first: an order must never exist without its model. A failed save leaves an orphan, removed here.
        await models.UploadAsync(key, model, cancellationToken);
        db.ProductionOrders.Add(order);
        db.PriceCalculations.Add(calculation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await DeleteOrphanAsync(key);
            throw;
        }

        logger.LogInformation("Seller {ClientId} placed order {OrderId} at {Price} {Currency}", clientId, orderId, order.Price, order.Currency);
        return (order, calculation);
    }

    private async Task DeleteOrphanAsync(string key)
    {
        try
        {
            await models.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not remove the model of a seller order that was not saved");
        }
    }
}
