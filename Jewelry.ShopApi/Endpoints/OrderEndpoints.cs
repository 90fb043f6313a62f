using Jewelry.Contracts.Orders;
using Jewelry.ShopApi.Crm;
using Jewelry.ShopApi.Domain;
using Jewelry.ShopApi.Dtos;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Dtos;
using Jewelry.ShopData.Http;
using Jewelry.ShopData.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.ShopApi.Endpoints;

/// <summary>Customers' orders: create, read, submit for pricing.</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");

        orders.MapPost("/", CreateAsync)
            .WithName("CreateOrder")
            .WithSummary("Create an order")
            .WithDescription("Creates an order in status INITIATED for the customer's opaque id. Upload its model next.");

        orders.MapGet("/{id:guid}", (Guid id, ShopDbContext db, CancellationToken cancellationToken) => OrderReads.GetAsync(id, db, asCustomer: true, cancellationToken))
            .WithName("GetOrder")
            .WithSummary("Get an order with its status history")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{id:guid}/submit", SubmitAsync)
            .WithName("SubmitOrder")
            .WithSummary("Submit the order for pricing")
            .WithDescription(
                "Moves a FILE_UPLOADED order to SUBMITTED and asks the CRM to have its price calculated. "
                + "An order that is SUBMITTED but whose price was never requested may be submitted again to reach the CRM.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    internal static async Task<Results<Created<OrderResponse>, ValidationProblem>> CreateAsync(
        CreateOrderRequest request,
        ShopDbContext db,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var details = OrderRequestValidator.Validate(request, out var errors);
        if (details is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The order is not valid");
        }

        var order = Order.Create(details, clock.GetUtcNow(), OrderSources.ShopApi);
        OrderTracking.Track(order, order.CustomerId);
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);

        loggers.CreateLogger(typeof(OrderEndpoints)).LogInformation("Order {OrderId} created", order.Id);
        return TypedResults.Created($"/api/orders/{order.Id}", order.ToResponse());
    }


    internal static async Task<Results<Accepted<OrderResponse>, ProblemHttpResult>> SubmitAsync(
        Guid id,
        ShopDbContext db,
        CrmApiClient crm,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(OrderEndpoints));
        var order = await db.FindWithHistoryAsync(id, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound(id);
        }

        OrderTracking.Track(order, order.CustomerId);

        // The CRM may have been unreachable at the first submit: then the order is SUBMITTED without a price request.
        var notifyAgain = order.Status == OrderStatus.Submitted && order.PriceRequestedAt is null;
        if (!notifyAgain)
        {
            try
            {
                order.MoveTo(OrderStatus.Submitted, clock.GetUtcNow(), OrderSources.ShopApi, order.CustomerId);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (OrderTransitionRefusedException refusal)
            {
                return OrderProblems.TransitionRefused(refusal);
            }
            catch (DbUpdateConcurrencyException)
            {
                return OrderProblems.ConcurrentChange(id);
            }

            OrderTracking.Track(order);
            logger.LogInformation("Order {OrderId} submitted", order.Id);
        }

        var outcome = await crm.RequestPriceAsync(id, cancellationToken);
        switch (outcome.Result)
        {
            case PriceRequestResult.Accepted:
                logger.LogInformation("CRM accepted the price request for order {OrderId}", order.Id);
                await db.Entry(order).ReloadAsync(cancellationToken);
                return TypedResults.Accepted($"/api/orders/{order.Id}", order.ToResponse());

            case PriceRequestResult.Refused:
                logger.LogWarning("CRM refused the price request for order {OrderId} with {StatusCode}", order.Id, outcome.StatusCode);
                return TypedResults.Problem(
                    title: "The CRM refused the price request",
                    detail: $"Order {order.Id} is SUBMITTED, but the CRM refused to request its price ({outcome.StatusCode}): {outcome.Detail}",
                    statusCode: StatusCodes.Status502BadGateway,
                    extensions: new Dictionary<string, object?> { ["orderStatus"] = OrderStatus.Submitted.ToName() });

            default:
                logger.LogWarning("CRM unreachable for the price request of order {OrderId} ({StatusCode})", order.Id, outcome.StatusCode);
                return TypedResults.Problem(
                    title: "The CRM could not be reached",
                    detail: $"Order {order.Id} is SUBMITTED, but the CRM could not be reached to request its price. "
                        + "Submit the order again later to reach it; nothing is lost meanwhile.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    extensions: new Dictionary<string, object?> { ["orderStatus"] = OrderStatus.Submitted.ToName() });
        }
    }
}
