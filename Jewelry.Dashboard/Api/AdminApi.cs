using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Jewelry.Dashboard.Alerts;
using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary>Admin only: the audit log and the retention settings.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api").WithTags("Administration").RequireAuthorization(DashboardPolicies.Admin);
        admin.MapGet("/audit", SearchAuditAsync)
            .WithName("SearchAudit")
            .WithSummary("Requests users made to the dashboard, newest first (admin only)")
            .WithDescription("Page with the returned nextCursor as after.");
        admin.MapGet("/settings/retention", GetRetentionAsync)
            .WithName("GetRetentionSettings")
            .WithSummary("The retention limits in force and the configured ones (admin only)");
        admin.MapPut("/settings/retention", PutRetentionAsync)
            .Accepts<RetentionLimits>("application/json")
            .WithName("PutRetentionSettings")
            .WithSummary("Change the retention limits; they override Dashboard:Retention from the next retention run (admin only)")
            .WithDescription("Give all four fields; null means no limit. maxAge is \"7.00:00:00\" or \"7d\", \"36h\", \"90m\".");
        admin.MapDelete("/settings/retention", ResetRetentionAsync)
            .WithName("ResetRetentionSettings")
            .WithSummary("Back to the configured retention limits (admin only)");
        return endpoints;
    }

    private static async Task<Results<Ok<AuditSearchResult>, ValidationProblem>> SearchAuditAsync(
        [AsParameters] AuditSearchParameters parameters, AuditLog log, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var search = parameters.ToSearch(errors);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary(), title: "Invalid audit search");
        }

        return TypedResults.Ok(await log.SearchAsync(search, cancellationToken));
    }

    private static async Task<Ok<RetentionSettingsView>> GetRetentionAsync(
        RetentionSettingsStore store, TelemetryRetention retention, TelemetryStoreReadiness readiness, CancellationToken cancellationToken)
    {
        EnsureReady(readiness);
        return TypedResults.Ok(RetentionSettingsView.Create(await store.GetAsync(cancellationToken), retention.Options));
    }

    private static async Task<Results<Ok<RetentionSettingsView>, ValidationProblem>> PutRetentionAsync(
        HttpContext context,
        ClaimsPrincipal user,
        RetentionSettingsStore store,
        TelemetryRetention retention,
        AlertRuleWindows ruleWindows,
        TelemetryStoreReadiness readiness,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        EnsureReady(readiness);
        var errors = new QueryErrors();
        RetentionLimits? limits = null;
        if (!context.Request.HasJsonContentType())
        {
            errors.Add("body", "Send the limits as JSON with Content-Type application/json.");
        }
        else
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
                limits = RetentionLimitsParsing.FromJson(body.RootElement, errors);
            }
            catch (JsonException exception)
            {
                errors.Add("body", $"The body is not valid JSON: {exception.Message}");
            }
            catch (InvalidOperationException exception) when (exception.InnerException is DecoderFallbackException)
            {
                // System.Text.Json checks a string's UTF-8 only when it is read.
                errors.Add("body", $"The body is not valid UTF-8: {exception.Message}");
            }
        }

        if (limits is not null)
        {
            ruleWindows.Check(limits, errors);
        }

        if (limits is null || errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary(), title: "Invalid retention settings");
        }

        var before = await retention.GetEffectiveLimitsAsync(cancellationToken);
        await store.SaveAsync(limits, user.UserName() ?? DashboardPrincipal.AnonymousName, time.GetUtcNow(), cancellationToken);
        AuditDetails.For(context).Detail = "retention: " + before.DescribeChangeTo(limits);
        return TypedResults.Ok(RetentionSettingsView.Create(await store.GetAsync(cancellationToken), retention.Options));
    }

    private static async Task<Ok<RetentionSettingsView>> ResetRetentionAsync(
        HttpContext context, RetentionSettingsStore store, TelemetryRetention retention, TelemetryStoreReadiness readiness, CancellationToken cancellationToken)
    {
        EnsureReady(readiness);
        var before = await retention.GetEffectiveLimitsAsync(cancellationToken);
        await store.ResetAsync(cancellationToken);
        AuditDetails.For(context).Detail = "retention reset to configuration: " + before.DescribeChangeTo(RetentionLimits.From(retention.Options));
        return TypedResults.Ok(RetentionSettingsView.Create(null, retention.Options));
    }

    private static void EnsureReady(TelemetryStoreReadiness readiness)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }
    }
}
