using Jewelry.MesApi.Data;
using Jewelry.MesApi.Domain;
using Jewelry.MesApi.Dtos;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.MesApi.Endpoints;

/// <summary>Where production stands: how many orders wait at each stage and which has waited longest.</summary>
public static class ProductionOverviewEndpoints
{
    public static IEndpointRouteBuilder MapProductionOverviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/production").RequireOperatorToken().MapGet("/overview", GetAsync)
            .WithTags("Production")
            .WithName("GetProductionOverview")
            .WithSummary("Per production stage: the number of orders, the oldest order and since when it has been there.")
            .Produces<ProductionOverviewResponse>();

        return app;
    }

    private static async Task<IResult> GetAsync(MesDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ProductionOrders
            .GroupBy(p => p.Stage)
            .Select(stage => new
            {
                Stage = stage.Key,
                Count = stage.Count(),
                Oldest = stage
                    .OrderBy(p => p.StageChangedAt)
                    .ThenBy(p => p.OrderId)
                    .Select(p => new { p.OrderId, p.StageChangedAt })
                    .FirstOrDefault(),
            })
            .ToDictionaryAsync(row => row.Stage, cancellationToken);

        var stages = ProductionStages.All
            .Select(stage => rows.TryGetValue(stage, out var row)
                ? new StageOverviewResponse(stage.ToName(), row.Count, row.Oldest?.OrderId, row.Oldest?.StageChangedAt)
                : new StageOverviewResponse(stage.ToName(), 0, null, null))
            .ToList();
        return TypedResults.Ok(new ProductionOverviewResponse(stages.Sum(s => s.Count), stages));
    }
}
