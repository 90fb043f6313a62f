using System.Security.Claims;
using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Topology;
using Jewelry.Messaging.Outbox;
using Jewelry.ServiceDefaults.Security;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Dtos;
using Jewelry.ShopData.Http;
using Jewelry.ShopData.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.CrmApi.Endpoints;

/// <summary>What operators do to an order: approve it for manufacturing, close it once shipped. Who did it is the token's subject.</summary>
public static class OrderActionEndpoints
{
    public static IEndpointRouteBuilder MapOrderActionEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders")
            .RequireOperatorToken()
            .RequireAuthorization(OperatorAuthentication.WritePolicy);

        orders.MapPost("/{id:guid}/approve", ApproveAsync)
            .WithName("ApproveOrder")
            .WithSummary("Approve a priced order for manufacturing")
            .WithDescription("PRICE_CALCULATED → MANUFACTURING_APPROVED, and ManufacturingApproved is queued for the MES in the same transaction.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapPost("/{id:guid}/close", CloseAsync)
            .WithName("CloseOrder")
            .WithSummary("Close a shipped order")
            .WithDescription("SHIPPED → CLOSED.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    internal static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ApproveAsync(
        Guid id,
        ClaimsPrincipal user,
        ShopDbContext db,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
        => MoveAsync(id, OrderStatus.ManufacturingApproved, user.GetOperatorId(), db, clock, loggers, onMoved: order =>
            db.AddOutboxMessage(
                RoutingKeys.ManufacturingApproved,
                new ManufacturingApproved(order.Id, order.ModelObjectKey ?? ModelObjectKeys.For(order.Id), order.Material, order.ProductType),
                order.Id,
                clock), cancellationToken);

    internal static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CloseAsync(
        Guid id,
        ClaimsPrincipal user,
        ShopDbContext db,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
        => MoveAsync(id, OrderStatus.Closed, user.GetOperatorId(), db, clock, loggers, onMoved: null, cancellationToken);

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> MoveAsync(
        Guid id,
        OrderStatus to,
        string? operatorId,
        ShopDbContext db,
        TimeProvider clock,
        ILoggerFactory loggers,
        Action<Order>? onMoved,
        CancellationToken cancellationToken)
    {
        var order = await db.FindWithHistoryAsync(id, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound(id);
        }

        OrderTracking.Track(order, operatorId);
        try
        {
            order.MoveTo(to, clock.GetUtcNow(), OrderSources.CrmApi, operatorId);
            onMoved?.Invoke(order);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (OrderTransitionRefusedException refusal)
        {
            return OrderProblems.TransitionRefused(refusal);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OrderProblems.ConcurrentChange(order.Id);
        }

        OrderTracking.Track(order);
        loggers.CreateLogger(typeof(OrderActionEndpoints)).LogInformation("Order {OrderId} moved to {Status} by an operator", order.Id, to.ToName());
        return TypedResults.Ok(order.ToResponse());
    }
}
