using Jewelry.MesApi.Data;
using Jewelry.MesApi.Dtos;

namespace Jewelry.MesApi.Endpoints;

public static class PriceCalculationEndpoints
{
    public static IEndpointRouteBuilder MapPriceCalculationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/price-calculations").RequireOperatorToken().MapGet("/{orderId:guid}", GetLatestAsync)
            .WithTags("Pricing")
            .WithName("GetLatestPriceCalculation")
            .WithSummary("The order's latest price calculation: geometry, metal mass, price, status, failure reason and duration.")
            .Produces<PriceCalculationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> GetLatestAsync(Guid orderId, MesDbContext db, CancellationToken cancellationToken) =>
        await db.LatestCalculationAsync(orderId, cancellationToken) is { } calculation
            ? TypedResults.Ok(PriceCalculationResponse.From(calculation))
            : TypedResults.Problem($"Order {orderId} has no price calculation.", statusCode: StatusCodes.Status404NotFound);
}
