using Aspire.Hosting.ApplicationModel;
using Jewelry.Contracts.Telemetry;
using Jewelry.Hosting.Reporting;

namespace Aspire.Hosting;

public static class JewelryDashboardBuilderExtensions
{
    public const string OtlpGrpcEndpointName = "otlp-grpc";
    public const string OtlpHttpEndpointName = "otlp-http";
    public const string LoginUrlDisplayText = "Sign in";
    private const string UiEndpointName = "http";

    /// <summary>
    /// Adds the Jewelry dashboard (the durable telemetry store and order journeys) as a project with its UI, an OTLP/gRPC
    /// and an OTLP/HTTP endpoint, a generated OTLP API key and browser token (secret parameters), and its login URL
    /// among the resource's URLs. Services export to it with <see cref="WithJewelryDashboard"/>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddJewelryDashboard<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);

        var secret = new GenerateParameterDefault { MinLength = 32, Special = false };
        var apiKey = ParameterResourceBuilderExtensions.CreateGeneratedParameter(builder, $"{name}-otlp-api-key", secret: true, secret);
        var browserToken = ParameterResourceBuilderExtensions.CreateGeneratedParameter(builder, $"{name}-browser-token", secret: true, secret);

        var dashboard = builder.AddProject<TProject>(name)
            .WithAnnotation(new JewelryDashboardAnnotation(apiKey, browserToken))
            .WithHttpsEndpoint(name: OtlpGrpcEndpointName)
            .WithHttpsEndpoint(name: OtlpHttpEndpointName)

            // The UI alone goes into ASPNETCORE_URLS; the dashboard binds the OTLP ports from the variables below.
            .WithEndpointsInEnvironment(endpoint => endpoint.Name == UiEndpointName);

        dashboard
            .WithEnvironment("DOTNET_DASHBOARD_OTLP_ENDPOINT_URL", OtlpListenUrl(builder, dashboard.GetEndpoint(OtlpGrpcEndpointName)))
            .WithEnvironment("DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", OtlpListenUrl(builder, dashboard.GetEndpoint(OtlpHttpEndpointName)))
            .WithEnvironment("Dashboard__Otlp__AuthMode", "ApiKey")
            .WithEnvironment("Dashboard__Otlp__PrimaryApiKey", apiKey)
            .WithEnvironment("Dashboard__Frontend__AuthMode", "BrowserToken")
            .WithEnvironment("Dashboard__Frontend__BrowserToken", browserToken)

            // Alert webhooks link to the dashboard as its users reach it (the endpoint's URL, not the port it binds).
            .WithEnvironment("Dashboard__Alerts__ExternalUrl", dashboard.GetEndpoint(UiEndpointName))
            .WithHttpHealthCheck("/health", endpointName: UiEndpointName)
            .WithUrls(async context =>
            {
                var token = await browserToken.GetValueAsync(context.CancellationToken).ConfigureAwait(false);
                var ui = dashboard.GetEndpoint(UiEndpointName);
                context.Urls.Add(new ResourceUrlAnnotation
                {
                    Url = $"{ui.Url}/login?t={Uri.EscapeDataString(token ?? string.Empty)}",
                    DisplayText = LoginUrlDisplayText,
                    Endpoint = ui,
                });
            });

        if (DemoThresholdsExtensions.IsOn(builder))
        {
            dashboard
                .WithDemoThresholds("Dashboard__Orders__Thresholds")
                .WithEnvironment("Dashboard__Orders__LostMessageAfter", DemoThresholdsExtensions.LostMessageAfter.ToString("c"))
                .WithEnvironment("Dashboard__Alerts__Interval", DemoThresholdsExtensions.AlertInterval.ToString("c"));
        }

        if (builder.ExecutionContext.IsRunMode)
        {
            // The resources page reads what the AppHost's report writes.
            dashboard.WithEnvironment("Dashboard__ResourceStateFile", StateFileLocation.Resolve(builder));
        }

        return dashboard;
    }

    /// <summary>
    /// Where the dashboard binds an OTLP endpoint. Run locally, Kestrel terminates TLS with the development certificate;
    /// published, the endpoint is still https, but the platform's ingress (Azure Container Apps) terminates TLS and
    /// the container, which has no development certificate, listens on plain http behind it.
    /// </summary>
    private static ReferenceExpression OtlpListenUrl(IDistributedApplicationBuilder builder, EndpointReference endpoint) =>
        builder.ExecutionContext.IsRunMode
            ? ReferenceExpression.Create($"https://localhost:{endpoint.Property(EndpointProperty.TargetPort)}")
            : ReferenceExpression.Create($"http://localhost:{endpoint.Property(EndpointProperty.TargetPort)}");

    /// <summary>
    /// Exports the service's traces, metrics and logs to the Jewelry dashboard too (beside the standard OTLP exporter
    /// Aspire points at its own dashboard), and starts the service once the dashboard is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithJewelryDashboard(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> dashboard)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(dashboard);

        var settings = dashboard.Resource.Annotations.OfType<JewelryDashboardAnnotation>().SingleOrDefault()
            ?? throw new ArgumentException($"'{dashboard.Resource.Name}' was not added with AddJewelryDashboard.", nameof(dashboard));
        return service
            .WithEnvironment(JewelryDashboardExport.EndpointVariable, dashboard.GetEndpoint(OtlpGrpcEndpointName))
            .WithEnvironment(JewelryDashboardExport.ProtocolVariable, "grpc")
            .WithEnvironment(JewelryDashboardExport.HeadersVariable, ReferenceExpression.Create($"x-otlp-api-key={settings.OtlpApiKey}"))
            .WaitFor(dashboard);
    }
}
