using Jewelry.MesApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.MesApi.Data;

public static class MesQueries
{
    /// <summary>The production order of <paramref name="orderId"/> with its history, tracked for a stage change.</summary>
    public static Task<ProductionOrder?> FindProductionAsync(this MesDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        db.ProductionOrders.Include(p => p.Steps).FirstOrDefaultAsync(p => p.OrderId == orderId, cancellationToken);

    /// <summary>The order's most recent price calculation, successful or not.</summary>
    public static Task<PriceCalculation?> LatestCalculationAsync(this MesDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        db.PriceCalculations
            .AsNoTracking()
            .Where(c => c.OrderId == orderId)
            .OrderByDescending(c => c.CalculatedAt)
            .ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
