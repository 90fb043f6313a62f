using System.ComponentModel;
using System.Security.Claims;
using Jewelry.Dashboard.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary>The alerts the rules raised, as JSON.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/alerts").WithTags("Alerts")
            .MapGet("/", GetAlertsAsync)
            .WithName("GetAlerts")
            .WithSummary("Alerts firing and resolved, with since when, the stage and service they name, their orders and the webhook deliveries")
            .WithDescription("Rules: Dashboard:Alerts:Rules. Support sees the order alerts (StuckOrders, LostMessages, DeadLettered); developers and admins see all, and the evaluation's health.");
        return endpoints;
    }

    private static async Task<Results<Ok<AlertsReport>, ValidationProblem>> GetAlertsAsync(
        [Description("firing, resolved or all (the default).")] string? state,
        ClaimsPrincipal user,
        AlertQueries queries,
        CancellationToken cancellationToken)
    {
        if (!AlertQueries.TryParseState(state, out var parsed, out var problem))
        {
            var errors = new QueryErrors();
            errors.Add("state", problem);
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary(), title: "Invalid alerts request");
        }

        return TypedResults.Ok(await queries.GetAsync(user, parsed, cancellationToken));
    }
}
