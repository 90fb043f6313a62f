using System.Globalization;

namespace Jewelry.Hosting;

/// <summary>Runs s3rver with the run's folder as its storage and the configured buckets created at start.</summary>
internal sealed class S3StoreRunner(S3StoreResource resource, RunContext context) : ResourceRunner(resource, context)
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = Context.Directory.CreateResourceDirectory(resource.Name);
        var installation = Context.Tools.S3rver!;
        List<string> arguments =
        [
            installation.Script,
            "-d", root,
            "-a", EndpointAnnotation.LocalHost,
            "-p", resource.PrimaryEndpoint.Endpoint.Port.ToString(CultureInfo.InvariantCulture),

            // s3rver logs three lines per request, health probes included.
            "--silent",
        ];
        foreach (var bucket in resource.Buckets)
        {
            arguments.AddRange(["--configure-bucket", bucket]);
        }

        await LaunchAsync(new ProcessSpec(installation.Node, arguments) { WorkingDirectory = root }).ConfigureAwait(false);
    }

    public override Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var bucket = resource.Buckets.Count > 0 ? resource.Buckets[0] : string.Empty;
        return HttpProbe.GetAsync(Context.Http, new Uri(resource.PrimaryEndpoint.Url, "/" + bucket), cancellationToken);
    }
}
