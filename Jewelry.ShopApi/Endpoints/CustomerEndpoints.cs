using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Dtos;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.ShopApi.Endpoints;

/// <summary>A customer's orders.</summary>
public static class CustomerEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{customerId}/orders", ListOrdersAsync)
            .WithTags("Customers")
            .WithName("ListCustomerOrders")
            .WithSummary("List a customer's orders, newest first");

        return app;
    }

    internal static async Task<Results<Ok<List<OrderResponse>>, ValidationProblem>> ListOrdersAsync(
        string customerId,
        int? limit,
        ShopDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!OpaqueIds.IsValid(customerId))
        {
            errors["customerId"] = [$"customerId must be {OpaqueIds.Rule}."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var orders = await db.Orders.AsNoTracking()
            .Where(order => order.CustomerId == customerId)
            .OrderByDescending(order => order.CreatedAt)
            .ThenByDescending(order => order.Id)
            .Take(limit ?? DefaultLimit)
            .WithHistory()
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(orders.ConvertAll(order => order.ToResponse()));
    }
}
