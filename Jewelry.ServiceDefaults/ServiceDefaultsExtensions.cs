using Microsoft.AspNetCore.Builder;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The cross-cutting defaults every Jewelry service shares: OpenTelemetry, health checks,
/// problem details, service discovery and resilient HttpClients.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultProblemDetails();
        builder.AddHttpClientDefaults();

        return builder;
    }

    /// <summary>
    /// Adds the default middleware and maps <c>/health</c> and <c>/alive</c>.
    /// Call it first after <c>Build()</c>: the middleware must wrap everything the service maps.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseOrderRouteTagging();
        app.UseDefaultProblemDetails();
        app.MapDefaultHealthChecks();

        return app;
    }
}
