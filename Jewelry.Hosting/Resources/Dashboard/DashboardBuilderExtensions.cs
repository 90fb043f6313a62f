using System.Security.Cryptography;

namespace Jewelry.Hosting;

public static class DashboardBuilderExtensions
{
    /// <summary>
    /// Adds the telemetry dashboard, as Aspire's AppHost does: its UI, an OTLP/gRPC and an OTLP/HTTP port,
    /// a generated API key and a one-time browser token. Every other service exports its telemetry to it
    /// (unless an OTLP endpoint is configured explicitly), and the AppHost prints the login URL.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDashboard<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var dashboard = builder.AddProject<TProject>(name);
        var resource = dashboard.Resource;
        resource.AddEndpoint(new EndpointAnnotation(DashboardSettings.OtlpGrpcEndpointName, "http"));
        resource.AddEndpoint(new EndpointAnnotation(DashboardSettings.OtlpHttpEndpointName, "http"));
        resource.Dashboard = new DashboardSettings(NewSecret(), NewSecret());

        return dashboard
            .WithEnvironment("DOTNET_DASHBOARD_OTLP_ENDPOINT_URL", dashboard.GetEndpoint(DashboardSettings.OtlpGrpcEndpointName))
            .WithEnvironment("DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", dashboard.GetEndpoint(DashboardSettings.OtlpHttpEndpointName))
            .WithEnvironment("Dashboard__Otlp__AuthMode", "ApiKey")
            .WithEnvironment("Dashboard__Otlp__PrimaryApiKey", resource.Dashboard.ApiKey)
            .WithEnvironment("Dashboard__Frontend__AuthMode", "BrowserToken")
            .WithEnvironment("Dashboard__Frontend__BrowserToken", resource.Dashboard.BrowserToken);
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
