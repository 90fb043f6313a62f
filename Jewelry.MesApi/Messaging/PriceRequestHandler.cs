using System.Diagnostics;
using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Topology;
using Jewelry.MesApi.Data;
using Jewelry.MesApi.Domain;
using Jewelry.MesApi.Pricing;
using Jewelry.MesApi.Telemetry;
using Jewelry.Messaging.Consuming;
using Jewelry.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.MesApi.Messaging;

/// <summary>
/// Prices an order's model: downloads it, measures it, prices it in the order's material, records the
/// calculation and answers the CRM with PriceCalculated or PriceCalculationFailed, all in the consumer's transaction.
/// </summary>
public sealed class PriceRequestHandler(
    MesDbContext db,
    ModelStore models,
    ModelPricer pricer,
    TimeProvider clock,
    PricingMetrics pricingMetrics,
    ILogger<PriceRequestHandler> logger) : IMessageHandler<PriceCalculationRequested>
{
    public const string ModelNotFound = "model not found in the store";

    public async Task HandleAsync(PriceCalculationRequested message, MessageContext context, CancellationToken cancellationToken)
    {
        // Once production has started from a price, a late or repeated request must not reprice the order.
        if (await db.ProductionOrders.AnyAsync(p => p.OrderId == message.OrderId, cancellationToken))
        {
            logger.LogInformation("Order {OrderId} is already in production; its price request is ignored", message.OrderId);
            return;
        }

        var started = clock.GetTimestamp();
        var result = await PriceAsync(message, cancellationToken);
        var duration = clock.GetElapsedTime(started);
        var now = clock.GetUtcNow();
        pricingMetrics.Record(duration, result.Succeeded);

        if (result.Succeeded)
        {
            var (metrics, quote) = result.Priced;
            db.PriceCalculations.Add(PriceCalculation.Succeeded(message.OrderId, message.ModelKey, message.Material, metrics, quote, now, duration));
            db.AddOutboxMessage(
                RoutingKeys.PriceCalculated,
                new PriceCalculated(message.OrderId, quote.Total, quote.Currency, metrics.VolumeMm3, metrics.SurfaceAreaMm2, metrics.TriangleCount, quote.MetalMassGrams),
                message.OrderId,
                clock);
            logger.LogInformation("Order {OrderId} priced at {Price} {Currency} in {DurationMs} ms", message.OrderId, quote.Total, quote.Currency, duration.TotalMilliseconds);
        }
        else
        {
            db.PriceCalculations.Add(PriceCalculation.Failed(message.OrderId, message.ModelKey, message.Material, result.Reason, now, duration));
            db.AddOutboxMessage(RoutingKeys.PriceFailed, new PriceCalculationFailed(message.OrderId, result.Reason), message.OrderId, clock);

            // The message is processed, but the order failed here: the trace shows where and why.
            Activity.Current?.SetTag("error.type", result.Failure.ToString());
            Activity.Current?.SetStatus(ActivityStatusCode.Error, result.Reason);
            logger.LogInformation("Order {OrderId} could not be priced ({Failure})", message.OrderId, result.Failure);
        }
    }

    private async Task<PricingResult> PriceAsync(PriceCalculationRequested message, CancellationToken cancellationToken)
    {
        if (ModelPricer.CheckMaterial(message.Material) is { } unknownMaterial)
        {
            return unknownMaterial;
        }

        if (string.IsNullOrWhiteSpace(message.ModelKey))
        {
            return PricingResult.Fail(PricingFailure.ModelMissing, ModelNotFound);
        }

        byte[]? model;
        try
        {
            // Anything else the store throws (unreachable, 5xx) propagates: the consumer retries with backoff.
            model = await models.DownloadAsync(message.ModelKey, cancellationToken);
        }
        catch (ModelTooLargeException ex)
        {
            return PricingResult.Fail(PricingFailure.ModelTooLarge, ex.Message);
        }

        return model is null
            ? PricingResult.Fail(PricingFailure.ModelMissing, ModelNotFound)
            : pricer.Price(model, message.Material);
    }
}
