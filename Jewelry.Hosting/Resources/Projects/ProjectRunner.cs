namespace Jewelry.Hosting;

/// <summary>Runs <c>dotnet &lt;assembly&gt;</c> in the project folder with the environment Aspire would give it.</summary>
internal sealed class ProjectRunner(ProjectResource resource, RunContext context) : ResourceRunner(resource, context)
{
    public override string? StartingDetail => resource.Endpoints[0].Url.ToString().TrimEnd('/');

    public override TimeSpan StartupProbeInterval => TimeSpan.FromMilliseconds(500);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var environment = ProjectEnvironment.Build(resource, Context.Options, Context.Dashboard, Context.StateFilePath);
        await LaunchAsync(new ProcessSpec(Context.Tools.DotNet, [resource.Metadata.TargetPath])
        {
            WorkingDirectory = Path.GetDirectoryName(resource.Metadata.ProjectPath),
            Environment = environment,
        }).ConfigureAwait(false);
    }

    public override Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var endpoint = resource.Endpoints.Single(e => e.Name == resource.HealthCheckEndpointName);
        return HttpProbe.GetAsync(Context.Http, new Uri(endpoint.Url, resource.HealthCheckPath), cancellationToken);
    }
}
