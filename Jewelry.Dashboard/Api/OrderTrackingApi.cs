using Jewelry.Dashboard.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary>Order journeys and stuck or lost orders, as JSON.</summary>
public static class OrderTrackingApi
{
    public static IEndpointRouteBuilder MapOrderTrackingApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/orders").WithTags("Orders");
        orders.MapGet("/{orderId}/journey", GetJourneyAsync)
            .WithName("GetOrderJourney")
            .WithSummary("Every trace that carries the order id on one timeline: statuses with durations, chains with their hops, errors")
            .WithDescription("The current status and the time the order has spent in it come first. Order ids are matched exactly (GUIDs in any case).");
        orders.MapGet("/stuck", GetStuckAsync)
            .WithName("GetStuckOrders")
            .WithSummary("Orders past their status's threshold, confirmed messages nobody processed, dead-lettered messages, failed steps")
            .WithDescription("Read from telemetry alone over Dashboard:Orders:LookBack. Thresholds: Dashboard:Orders:Statuses[].Threshold and Dashboard:Orders:LostMessageAfter.");
        return endpoints;
    }

    private static async Task<Results<Ok<OrderJourney>, ValidationProblem, ProblemHttpResult>> GetJourneyAsync(
        string orderId, OrderJourneyQueries queries, CancellationToken cancellationToken)
    {
        if (!OrderIds.TryNormalize(orderId, out var id, out var problem))
        {
            var errors = new QueryErrors();
            errors.Add("orderId", problem);
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary(), title: "Invalid order id");
        }

        var journey = await queries.GetAsync(id, cancellationToken);
        return journey is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found",
                detail: $"No stored span carries order.id {id}: the order was never traced, or its telemetry was removed by retention.")
            : TypedResults.Ok(journey);
    }

    private static async Task<Ok<StuckOrdersReport>> GetStuckAsync(StuckOrderQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetAsync(cancellationToken));
}
