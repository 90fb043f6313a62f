using System.Security.Claims;
using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Resources;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Queries;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary>The JSON API behind the pages, documented at <c>/openapi/v1.json</c>.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Telemetry");

        api.MapGet("/traces", SearchTracesAsync)
            .WithName("SearchTraces")
            .WithSummary("Search traces, newest first")
            .WithDescription("Filters combine with AND. Page with the returned nextCursor as after. Developer and admin only.")
            .RequireAuthorization(DashboardPolicies.Developer);
        api.MapGet("/traces/{traceId}", GetTraceAsync)
            .WithName("GetTrace")
            .WithSummary("Get a whole trace: every span with attributes, events, links, and the resources they came from")
            .WithDescription("Support users get only the spans that carry order.id, and 403 when there are none.")
            .RequireAuthorization(DashboardPolicies.Orders);
        api.MapGet("/logs", SearchLogsAsync)
            .WithName("SearchLogs")
            .WithSummary("Search structured logs, newest first")
            .RequireAuthorization(DashboardPolicies.Developer);
        api.MapGet("/services", GetServicesAsync)
            .WithName("GetServices")
            .WithSummary("Names of the services that have sent telemetry")
            .RequireAuthorization(DashboardPolicies.Developer);
        api.MapGet("/resources", GetResourcesAsync)
            .WithName("GetResources")
            .WithSummary("Resources the AppHost started, with state and URLs")
            .RequireAuthorization(DashboardPolicies.Developer);
        api.MapGet("/status", GetStatusAsync)
            .WithName("GetStatus")
            .WithSummary("Ingest counters (received, written, rejected, invalid, failed), queue, retention, audit and store size")
            .RequireAuthorization(DashboardPolicies.Developer);
        return endpoints;
    }

    private static async Task<Results<Ok<TraceSearchResult>, ValidationProblem>> SearchTracesAsync(
        [AsParameters] TraceSearchParameters parameters, TraceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var search = parameters.ToSearch(time.GetUtcNow(), errors);
        if (errors.HasErrors)
        {
            return Invalid(errors, "Invalid trace search");
        }

        return TypedResults.Ok(await queries.SearchAsync(search, cancellationToken));
    }

    private static async Task<Results<Ok<TraceDetail>, ValidationProblem, ProblemHttpResult>> GetTraceAsync(
        string traceId, ClaimsPrincipal user, TraceQueries queries, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var id = QueryParsing.HexId(traceId, 16, "traceId", errors);
        if (id is null)
        {
            return Invalid(errors, "Invalid trace id");
        }

        var trace = await queries.GetAsync(id, cancellationToken);
        if (trace is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Trace not found",
                detail: $"No spans of trace {traceId.ToLowerInvariant()} are stored (never received, or removed by retention).");
        }

        return TraceVisibility.For(user, trace) is { } visible
            ? TypedResults.Ok(visible)
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: TraceVisibility.ForbiddenDetail(trace.TraceId));
    }

    private static async Task<Results<Ok<LogSearchResult>, ValidationProblem>> SearchLogsAsync(
        [AsParameters] LogSearchParameters parameters, LogQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var search = parameters.ToSearch(time.GetUtcNow(), errors);
        if (errors.HasErrors)
        {
            return Invalid(errors, "Invalid log search");
        }

        return TypedResults.Ok(await queries.SearchAsync(search, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<string>>> GetServicesAsync(ServiceQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetServiceNamesAsync(cancellationToken));

    private static async Task<Ok<ResourceSnapshot>> GetResourcesAsync(ResourceStateReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ReadAsync(cancellationToken));

    private static async Task<Ok<DashboardStatus>> GetStatusAsync(
        IngestBuffer queue,
        IngestCounters counters,
        RetentionStatus retention,
        TelemetryRetention retentionPolicy,
        TelemetryStoreReadiness readiness,
        StoreStatistics statistics,
        AuditCounters audit,
        CancellationToken cancellationToken)
    {
        var limits = readiness.IsReady
            ? await retentionPolicy.GetEffectiveLimitsAsync(cancellationToken)
            : RetentionLimits.From(retentionPolicy.Options);
        return TypedResults.Ok(new DashboardStatus(
            readiness.IsReady,
            queue.QueuedRecords,
            queue.Capacity,
            counters.TotalDropped,
            new Dictionary<string, SignalCounters>(StringComparer.Ordinal)
            {
                ["traces"] = counters.Traces,
                ["logs"] = counters.Logs,
                ["metrics"] = counters.Metrics,
            },
            new RetentionReport(limits.MaxAge, limits.MaxSpans, limits.MaxLogRecords, limits.MaxMetricPoints,
                retentionPolicy.Options.MaxAuditAge, retention.Runs, retention.LastRun, retention.LastError, retention.Removed),
            audit.Snapshot(),
            readiness.IsReady ? await statistics.GetAsync(cancellationToken) : []));
    }

    private static ValidationProblem Invalid(QueryErrors errors, string title) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary(), title: title);
}
