using Jewelry.ShopData.Data;
using Jewelry.ShopData.Dtos;
using Jewelry.ShopData.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.ShopData.Http;

/// <summary>Reading one order with its history: the same answer for customers (Shop) and operators (CRM).</summary>
public static class OrderReads
{
    // asCustomer: the order's customer is the caller, so the trace names them (by their opaque id).
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(Guid id, ShopDbContext db, bool asCustomer, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().WithHistory().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound(id);
        }

        OrderTracking.Track(order, asCustomer ? order.CustomerId : null);
        return TypedResults.Ok(order.ToResponse());
    }
}
