namespace Jewelry.Hosting;

/// <summary>A .NET service of this solution, run with <c>dotnet &lt;assembly&gt;</c> from its project folder.</summary>
public sealed class ProjectResource : Resource, IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithHttpHealthCheck
{
    public const string HttpEndpointName = "http";

    public ProjectResource(string name, IProjectMetadata metadata)
        : base(name)
    {
        Metadata = metadata;
        _endpoints = [new EndpointAnnotation(HttpEndpointName, "http")];
        StartupTimeout = TimeSpan.FromSeconds(90);
    }

    public IProjectMetadata Metadata { get; }

    private readonly List<EndpointAnnotation> _endpoints;

    public IReadOnlyList<EndpointAnnotation> Endpoints => _endpoints;

    /// <summary>Set when this project is the telemetry dashboard every other service exports to.</summary>
    public DashboardSettings? Dashboard { get; internal set; }

    public IDictionary<string, ReferenceExpression> Environment { get; } = new Dictionary<string, ReferenceExpression>(StringComparer.Ordinal);

    public IList<IResource> References { get; } = [];

    public string HealthCheckPath { get; set; } = "/health";

    public string HealthCheckEndpointName => HttpEndpointName;

    internal void AddEndpoint(EndpointAnnotation endpoint) => _endpoints.Add(endpoint);
}
