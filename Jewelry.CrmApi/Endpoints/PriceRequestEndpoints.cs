using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Topology;
using Jewelry.CrmApi.Dtos;
using Jewelry.CrmApi.Models;
using Jewelry.Messaging.Outbox;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Http;
using Jewelry.ShopData.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.CrmApi.Endpoints;

/// <summary>The Shop asks for a submitted order's price; the CRM queues the request for the MES.</summary>
public static class PriceRequestEndpoints
{
    public static IEndpointRouteBuilder MapPriceRequestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{id:guid}/price-requests", RequestPriceAsync)
            .WithTags("Pricing")
            .WithName("RequestPrice")
            .WithSummary("Request the price of a submitted order")
            .WithDescription(
                "Called by the Shop API after submit. Checks that the order's model is in the store, then records the request "
                + "and queues PriceCalculationRequested for the MES in one transaction. Idempotent: a repeated call queues nothing new.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    internal static async Task<Results<Accepted<PriceRequestResponse>, ProblemHttpResult>> RequestPriceAsync(
        Guid id,
        ShopDbContext db,
        ModelStore models,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(PriceRequestEndpoints));

        // Two Shop retries can race; the loser of the optimistic check looks again and finds the request made.
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (order is null)
            {
                return OrderProblems.NotFound(id);
            }

            OrderTracking.Track(order, order.CustomerId);
            if (order.PriceRequestedAt is { } requestedAt)
            {
                return Accepted(new PriceRequestResponse(order.Id, requestedAt, AlreadyRequested: true));
            }

            if (order.Status != OrderStatus.Submitted)
            {
                return OrderProblems.StatusConflict(
                    order.Status,
                    $"The order is {order.Status.ToName()}; a price can only be requested for a {OrderStatus.Submitted.ToName()} order.");
            }

            var key = order.ModelObjectKey ?? ModelObjectKeys.For(order.Id);
            switch (await models.CheckAsync(key, cancellationToken))
            {
                case ModelPresence.Missing:
                    logger.LogWarning("The model of order {OrderId} is missing from the store", order.Id);
                    return TypedResults.Problem(
                        title: "The order's model is missing",
                        detail: $"The model of order {order.Id} is not in the store: bucket '{models.BucketName}', key '{key}'. The price cannot be requested until it is restored.",
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["modelKey"] = key });
                case ModelPresence.StoreUnavailable:
                    logger.LogWarning("The model store could not be reached for order {OrderId}", order.Id);
                    return TypedResults.Problem(
                        title: "The model store is unavailable",
                        detail: $"The model of order {order.Id} could not be checked; nothing was changed. Try again shortly.",
                        statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var now = clock.GetUtcNow();
            order.PriceRequestedAt = now;
            order.Touch(now);
            db.AddOutboxMessage(
                RoutingKeys.PriceRequested,
                new PriceCalculationRequested(order.Id, key, order.Material, order.ProductType),
                order.Id,
                clock);
            try
            {
                // One implicit transaction: the request is recorded exactly when its message is queued.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return OrderProblems.ConcurrentChange(order.Id);
            }

            logger.LogInformation("Price of order {OrderId} requested from the MES", order.Id);
            return Accepted(new PriceRequestResponse(order.Id, now, AlreadyRequested: false));
        }
    }

    private static Accepted<PriceRequestResponse> Accepted(PriceRequestResponse response)
        => TypedResults.Accepted($"/api/orders/{response.OrderId}", response);
}
