namespace Jewelry.Hosting;

/// <summary>
/// The environment a project gets: exactly the variables an Aspire AppHost injects, so each service
/// runs unchanged under Aspire later.
/// </summary>
internal static class ProjectEnvironment
{
    public static Dictionary<string, string> Build(ProjectResource project, DistributedApplicationOptions options, ProjectResource? dashboard = null, string? stateFilePath = null)
    {
        var http = project.Endpoints.Single(e => e.Name == ProjectResource.HttpEndpointName);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = http.Url.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid()}",
        };

        if (project.Dashboard is not null)
        {
            // The dashboard does not export its own telemetry: tracing its ingest would feed itself.
            if (stateFilePath is not null)
            {
                environment["Dashboard__ResourceStateFile"] = stateFilePath;
            }
        }
        else if (options.OtlpEndpoint is null && dashboard?.Dashboard is { } settings)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = DashboardSettings.OtlpGrpcEndpoint(dashboard).ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={settings.ApiKey}";
        }
        else if (options.OtlpEndpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = options.OtlpEndpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.OtlpProtocol ?? "grpc";
            if (options.OtlpApiKey is not null)
            {
                environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={options.OtlpApiKey}";
            }
        }

        if (string.Equals(options.EnvironmentName, DistributedApplicationOptions.DevelopmentEnvironment, StringComparison.OrdinalIgnoreCase))
        {
            // Export every second so telemetry shows up while you watch.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        foreach (var reference in project.References)
        {
            foreach (var (name, value) in ReferenceVariables(reference))
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in project.Environment)
        {
            environment[name] = value.GetValue();
        }

        foreach (var (name, value) in options.ProjectEnvironment)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>What a reference injects, in the form of Aspire's manifest: name and value expression.</summary>
    public static IEnumerable<(string Name, string Value)> ReferenceVariables(IResource reference) =>
        ReferenceExpressions(reference).Select(variable => (variable.Name, variable.Value.GetValue()));

    public static IEnumerable<(string Name, IManifestExpressionProvider Expression)> ReferenceManifestExpressions(IResource reference) =>
        ReferenceExpressions(reference).Select(variable => (variable.Name, (IManifestExpressionProvider)variable.Value));

    private static IEnumerable<(string Name, ReferenceExpression Value)> ReferenceExpressions(IResource reference)
    {
        if (reference is IResourceWithConnectionString withConnectionString)
        {
            yield return ($"ConnectionStrings__{reference.Name}", ReferenceExpression.Create($"{withConnectionString}"));
        }

        if (reference is IResourceWithServiceDiscovery service)
        {
            foreach (var endpoint in service.Endpoints.Where(e => e.UriScheme is "http" or "https"))
            {
                yield return ($"services__{reference.Name}__{endpoint.UriScheme}__0", ReferenceExpression.Create($"{new EndpointReference(service, endpoint.Name)}"));
            }
        }
    }
}
