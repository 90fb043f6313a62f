using Jewelry.ShopData.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.ShopData.Data;

public static class OrderQueries
{
    public static IQueryable<Order> WithHistory(this IQueryable<Order> orders)
        => orders.Include(order => order.StatusHistory).AsSplitQuery();

    public static Task<Order?> FindWithHistoryAsync(this ShopDbContext db, Guid id, CancellationToken cancellationToken)
        => db.Orders.WithHistory().FirstOrDefaultAsync(order => order.Id == id, cancellationToken);
}
