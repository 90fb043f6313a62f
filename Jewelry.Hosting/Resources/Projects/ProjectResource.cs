namespace Jewelry.Hosting;

/// <summary>A .NET service of this solution, run with <c>dotnet &lt;assembly&gt;</c> from its project folder.</summary>
public sealed class ProjectResource : Resource, IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithHttpHealthCheck
{
    public const string HttpEndpointName = "http";

    public ProjectResource(string name, IProjectMetadata metadata)
        : base(name)
    {
        Metadata = metadata;
        Endpoints = [new EndpointAnnotation(HttpEndpointName, "http")];
        StartupTimeout = TimeSpan.FromSeconds(90);
    }

    public IProjectMetadata Metadata { get; }

    public IReadOnlyList<EndpointAnnotation> Endpoints { get; }

    public IDictionary<string, ReferenceExpression> Environment { get; } = new Dictionary<string, ReferenceExpression>(StringComparer.Ordinal);

    public IList<IResource> References { get; } = [];

    public string HealthCheckPath { get; set; } = "/health";

    public string HealthCheckEndpointName => HttpEndpointName;
}
