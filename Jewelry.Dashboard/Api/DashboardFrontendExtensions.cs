using System.Text.Json.Serialization;
using Jewelry.Dashboard.Resources;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.OpenApi;

namespace Jewelry.Dashboard.Api;

public static class DashboardFrontendExtensions
{
    private const string ApiPath = "/api";

    /// <summary>Razor pages, the JSON API with its OpenAPI document, problem details, and the resources state file.</summary>
    public static WebApplicationBuilder AddDashboardFrontend(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        // The services' problem details: a detail in every one, and 400 (not 500) for a request the framework cannot bind.
        builder.AddDefaultProblemDetails();
        builder.Services.AddExceptionHandler<StoreNotReadyExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Jewelry dashboard API",
                Version = "v1",
                Description = "Search traces and structured logs stored by the dashboard. Sign in first (POST /api/login, or /login?t=TOKEN); calls without a session get 401, calls the role may not make 403.",
            };
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton<ResourceStateReader>();
        return builder;
    }

    /// <summary>
    /// An error the framework answers with no body (no endpoint, a content type the endpoint does not accept) gets problem
    /// details below <c>/api</c>; the pages keep their own answers.
    /// </summary>
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiPath), api => api.UseStatusCodePages());

    /// <summary>CSS, JS and icons are embedded in the assembly: no CDN, and no dependency on how the dashboard was launched.</summary>
    public static IApplicationBuilder UseDashboardAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new EmbeddedFileProvider(typeof(DashboardFrontendExtensions).Assembly, "Assets"),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

    /// <summary><c>/health</c> (the store is ready) and <c>/alive</c> for the AppHost, without a session.</summary>
    public static IEndpointRouteBuilder MapDashboardHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health").AllowAnonymous();
        endpoints.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        return endpoints;
    }
}
