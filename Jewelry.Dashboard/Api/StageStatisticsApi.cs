using System.ComponentModel;
using Jewelry.Dashboard.Orders.State;
using Jewelry.Dashboard.Stages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Api;

/// <summary>Stage statistics as JSON and as a server-rendered SVG chart.</summary>
public static class StageStatisticsApi
{
    public static IEndpointRouteBuilder MapStageStatisticsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/stages").WithTags("Stages");

        api.MapGet("/", GetStatisticsAsync)
            .WithName("GetStageStatistics")
            .WithSummary("Per status and per hop: count, p50/p95/p99 duration, error rate and the slowest orders over a window")
            .WithDescription("A status stay counts when the order entered the status in the window; it is measured when the order entered its next status in the window too, " +
                "otherwise it is in progress. Hops are the spans of orders that are not status changes, finished in the window, by kind, service and span name.");
        api.MapGet("/chart.svg", GetChartAsync)
            .WithName("GetStageChart")
            .WithSummary("The p50/p95/p99 bars of the statuses or the hops as an SVG image");
        return endpoints;
    }

    private static async Task<Results<Ok<StageStatisticsReport>, ValidationProblem>> GetStatisticsAsync(
        [AsParameters] StageWindowParameters parameters,
        StageStatisticsQueries queries,
        IOptions<StateRetentionOptions> state,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var window = parameters.ToWindow(time.GetUtcNow(), state.Value.KeepFor, errors);
        if (window is null)
        {
            return Invalid(errors);
        }

        return TypedResults.Ok(await queries.GetAsync(window, cancellationToken));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetChartAsync(
        [AsParameters] StageWindowParameters parameters,
        [Description("status (time in each status, the default) or hop (duration of each hop).")] string? kind,
        StageStatisticsQueries queries,
        IOptions<StateRetentionOptions> state,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        StageChartKind? chartKind = string.IsNullOrWhiteSpace(kind) || string.Equals(kind.Trim(), "status", StringComparison.OrdinalIgnoreCase) ? StageChartKind.Status
            : string.Equals(kind.Trim(), "hop", StringComparison.OrdinalIgnoreCase) ? StageChartKind.Hop
            : null;
        if (chartKind is null)
        {
            errors.Add("kind", $"'{kind}' is not a chart kind; use status or hop.");
        }

        var window = parameters.ToWindow(time.GetUtcNow(), state.Value.KeepFor, errors);
        if (window is null || chartKind is not { } shown)
        {
            return Invalid(errors);
        }

        var report = await queries.GetAsync(window, cancellationToken);
        var svg = StageChart.Render(StageChartRows.Title(shown), StageChartRows.For(report, shown));
        return TypedResults.Text(svg, "image/svg+xml");
    }

    private static ValidationProblem Invalid(QueryErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary(), title: "Invalid stage statistics request");
}
