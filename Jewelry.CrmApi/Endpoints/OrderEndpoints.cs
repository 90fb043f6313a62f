using Jewelry.Contracts.Orders;
using Jewelry.CrmApi.Data;
using Jewelry.CrmApi.Domain;
using Jewelry.CrmApi.Dtos;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Dtos;
using Jewelry.ShopData.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.CrmApi.Endpoints;

/// <summary>Operators' views of orders: lists, one order, and the orders that are stuck.</summary>
public static class OrderEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders").RequireOperatorToken();

        orders.MapGet("/", ListAsync)
            .WithName("ListOrders")
            .WithSummary("List orders, newest first")
            .WithDescription("Filter by status (a wire name such as SUBMITTED) and by customer id.");

        orders.MapGet("/stuck", ListStuckAsync)
            .WithName("ListStuckOrders")
            .WithSummary("Orders that have stayed in their status longer than its threshold, oldest first")
            .WithDescription("Thresholds per status come from Crm:StuckThresholds:{STATUS}; CLOSED orders are never stuck.");

        orders.MapGet("/{id:guid}", (Guid id, ShopDbContext db, CancellationToken cancellationToken) => OrderReads.GetAsync(id, db, asCustomer: false, cancellationToken))
            .WithName("GetOrder")
            .WithSummary("Get an order with its status history")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    internal static async Task<Results<Ok<List<OrderResponse>>, ValidationProblem>> ListAsync(
        string? status,
        string? customerId,
        int? limit,
        ShopDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        OrderStatus? statusFilter = null;
        if (status is not null)
        {
            if (OrderStatusNames.TryParse(status, out var parsed))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = [$"'{status}' is not an order status; expected one of {string.Join(", ", OrderStatusNames.All)}."];
            }
        }

        if (customerId is not null && !OpaqueIds.IsValid(customerId))
        {
            errors["customerId"] = [$"customerId must be {OpaqueIds.Rule}."];
        }

        AddLimitError(errors, limit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Orders.AsNoTracking();
        if (statusFilter is { } wanted)
        {
            query = query.Where(order => order.Status == wanted);
        }

        if (customerId is not null)
        {
            query = query.Where(order => order.CustomerId == customerId);
        }

        var orders = await query
            .OrderByDescending(order => order.CreatedAt)
            .ThenByDescending(order => order.Id)
            .Take(limit ?? DefaultLimit)
            .WithHistory()
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(orders.ConvertAll(order => order.ToResponse()));
    }

    internal static async Task<Results<Ok<List<StuckOrderResponse>>, ValidationProblem>> ListStuckAsync(
        int? limit,
        ShopDbContext db,
        StuckThresholds thresholds,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AddLimitError(errors, limit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var rows = await db.FindStuckAsync(thresholds, now, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(row => new StuckOrderResponse(
            row.OrderId,
            row.Status,
            row.Since,
            (long)(now - row.Since).TotalSeconds,
            row.ThresholdSeconds,
            row.FailureReason)));
    }


    private static void AddLimitError(Dictionary<string, string[]> errors, int? limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }
    }
}
