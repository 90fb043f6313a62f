using Jewelry.Contracts.Messages;
using Jewelry.Contracts.Topology;
using Jewelry.MesApi.Data;
using Jewelry.MesApi.Domain;
using Jewelry.MesApi.Dtos;
using Jewelry.Messaging.Outbox;
using Jewelry.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.MesApi.Endpoints;

/// <summary>Operators look at a production order and move it through production.</summary>
public static class ProductionOrderEndpoints
{
    public static IEndpointRouteBuilder MapProductionOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/production-orders").WithTags("Production").RequireOperatorToken();

        orders.MapGet("/{orderId:guid}", GetAsync)
            .WithName("GetProductionOrder")
            .WithSummary("A production order: its stage, history, tracking number and price calculation.")
            .Produces<ProductionOrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapStageChange(orders, "/{orderId:guid}/start", ProductionStage.ManufacturingStarted, "StartProduction", "Start manufacturing (MANUFACTURING_APPROVED → MANUFACTURING_STARTED).");
        MapStageChange(orders, "/{orderId:guid}/complete", ProductionStage.ManufacturingCompleted, "CompleteProduction", "Finish manufacturing (MANUFACTURING_STARTED → MANUFACTURING_COMPLETED).");
        MapStageChange(orders, "/{orderId:guid}/package", ProductionStage.Packaging, "PackageOrder", "Package the piece (MANUFACTURING_COMPLETED → PACKAGING).");

        orders.MapPost("/{orderId:guid}/ship", ShipAsync)
            .RequireAuthorization(OperatorAuthentication.WritePolicy)
            .WithName("ShipOrder")
            .WithSummary("Hand the parcel to the carrier (PACKAGING → SHIPPED) with its tracking number.")
            .Accepts<ShipRequest>("application/json")
            .Produces<ProductionOrderResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    private static void MapStageChange(RouteGroupBuilder orders, string pattern, ProductionStage stage, string name, string summary) =>
        orders.MapPost(pattern, (Guid orderId, MesDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                MoveAsync(db, clock, orderId, stage, trackingNumber: null, cancellationToken))
            .RequireAuthorization(OperatorAuthentication.WritePolicy)
            .WithName(name)
            .WithSummary(summary)
            .Produces<ProductionOrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> GetAsync(Guid orderId, MesDbContext db, CancellationToken cancellationToken)
    {
        var order = await db.FindProductionAsync(orderId, cancellationToken);
        return order is null
            ? NotFound(orderId)
            : TypedResults.Ok(ProductionOrderResponse.From(order, await db.LatestCalculationAsync(orderId, cancellationToken)));
    }

    private static Task<IResult> ShipAsync(Guid orderId, ShipRequest? request, MesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var trackingNumber = request?.TrackingNumber;
        if (!TrackingNumbers.IsValid(trackingNumber))
        {
            return Task.FromResult<IResult>(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["trackingNumber"] = [$"Required: {TrackingNumbers.Rule}."] }));
        }

        return MoveAsync(db, clock, orderId, ProductionStage.Shipped, trackingNumber, cancellationToken);
    }

    private static async Task<IResult> MoveAsync(
        MesDbContext db, TimeProvider clock, Guid orderId, ProductionStage stage, string? trackingNumber, CancellationToken cancellationToken)
    {
        var order = await db.FindProductionAsync(orderId, cancellationToken);
        if (order is null)
        {
            return NotFound(orderId);
        }

        var from = order.Stage;
        var now = clock.GetUtcNow();
        if (!order.TryMoveTo(stage, now, trackingNumber))
        {
            return TypedResults.Problem(
                ProductionStages.DescribeRefusal(from, stage),
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>
                {
                    ["currentStage"] = from.ToName(),
                    ["allowedStages"] = ProductionStages.NextOf(from).Select(s => s.ToName()).ToArray(),
                });
        }

        // Seller orders have no shop order for the CRM to update.
        if (order.Source == ProductionSource.Shop)
        {
            db.AddOutboxMessage(
                RoutingKeys.ProductionStageChanged,
                new ProductionStageChanged(order.OrderId, stage.ToName(), now, stage == ProductionStage.Shipped ? order.TrackingNumber : null),
                order.OrderId,
                clock);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(
                $"Production order {orderId} was changed by someone else at the same time; reload it and try again.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(ProductionOrderResponse.From(order, await db.LatestCalculationAsync(orderId, cancellationToken)));
    }

    private static ProblemHttpResult NotFound(Guid orderId) =>
        TypedResults.Problem($"There is no production order for order {orderId}.", statusCode: StatusCodes.Status404NotFound);
}
