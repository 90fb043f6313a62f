using Amazon.Runtime;
using Jewelry.Dashboard.Archive;
using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary>Admin only: read the S3 archive back into the store for a date range.</summary>
public static class ArchiveApi
{
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/archive/import", ImportAsync)
            .WithTags("Administration")
            .RequireAuthorization(DashboardPolicies.Admin)
            .WithName("ImportArchive")
            .WithSummary("Import the archived traces and logs of a time range back into the store (admin only)")
            .WithDescription("from and to are ISO 8601 times (whole hours of the archive are read, from the hour of from up to to), " +
                "at most Dashboard:Archive:MaxImportRange apart. Imported telemetry stays Dashboard:Archive:ImportKeep. " +
                "Corrupt archive objects are listed by key and skipped. 409 when the archive is off.");
        return endpoints;
    }

    private static async Task<Results<Ok<ArchiveImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string? from, string? to, IServiceProvider services, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var start = QueryParsing.Time(from, "from", errors);
        var end = QueryParsing.Time(to, "to", errors);
        if (string.IsNullOrWhiteSpace(from))
        {
            errors.Add("from", "from is required: the first time to import, for example 2026-01-31T00:00:00Z.");
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            errors.Add("to", "to is required: the end of the range to import, for example 2026-02-01T00:00:00Z.");
        }

        if (!services.IsArchiveEnabled())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The archive is off",
                detail: "Dashboard:Archive:Enabled is false: retention deletes telemetry without archiving it, so there is nothing to import.");
        }

        var importer = services.GetRequiredService<ArchiveImporter>();
        if (start is { } first && end is { } last)
        {
            if (last <= first)
            {
                errors.Add("to", $"to ({last:u}) must be after from ({first:u}).");
            }
            else if (last - first > importer.Options.MaxImportRange)
            {
                errors.Add("to", $"The range is {(last - first).TotalDays:0.#} days; one import reads at most {importer.Options.MaxImportRange.TotalDays:0.#} days (Dashboard:Archive:MaxImportRange).");
            }
        }

        if (errors.HasErrors || start is null || end is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary(), title: "Invalid archive import");
        }

        try
        {
            return TypedResults.Ok(await importer.ImportAsync(start.Value, end.Value, cancellationToken));
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The archive store is unavailable",
                detail: $"Reading the archive from S3 failed: {exception.Message}. Nothing was imported from the objects not yet read; try again.");
        }
    }
}
