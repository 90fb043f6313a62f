namespace Jewelry.Hosting;

/// <summary>How the application runs. <see cref="DistributedApplication.CreateBuilder(string[])"/> fills it from the command line.</summary>
public sealed class DistributedApplicationOptions
{
    public const string DevelopmentEnvironment = "Development";

    /// <summary>Command-line arguments; recognised ones fill the properties below that are still unset.</summary>
    public IReadOnlyList<string> Args { get; set; } = [];

    /// <summary>Where servers keep their data and logs. Default: a new folder under the temp directory per run, or <c>.jewelry/data</c> under the repository with <see cref="KeepData"/>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Keep the data folder between runs (<c>--keep-data</c>).</summary>
    public bool KeepData { get; set; }

    /// <summary>Write the running stack's resources, URLs and connection strings as JSON here (<c>--state-file PATH</c>).</summary>
    public string? StateFile { get; set; }

    /// <summary>Where services export telemetry (<c>--otlp-endpoint</c>, or <c>JEWELRY_OTLP_ENDPOINT</c>). Null: services get no OTLP endpoint.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Sent as <c>x-otlp-api-key</c> (<c>--otlp-api-key</c>, or <c>JEWELRY_OTLP_API_KEY</c>).</summary>
    public string? OtlpApiKey { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c> (<c>--otlp-protocol</c>, or <c>JEWELRY_OTLP_PROTOCOL</c>). Default grpc.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Given to every service as ASPNETCORE_ENVIRONMENT and DOTNET_ENVIRONMENT (<c>--environment</c>).</summary>
    public string EnvironmentName { get; set; } = DevelopmentEnvironment;

    /// <summary>Extra environment variables for every project resource.</summary>
    public IDictionary<string, string> ProjectEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Console lines (state changes, resource output, the summary). Default: standard output.</summary>
    public TextWriter? Output { get; set; }

    /// <summary><c>manifest</c> writes the deployment manifest instead of running (<c>--publisher manifest</c>).</summary>
    public string? Publisher { get; set; }

    /// <summary>The manifest file (or a folder for <c>aspire-manifest.json</c>) (<c>--output-path</c>).</summary>
    public string? OutputPath { get; set; }

    /// <summary>The folder holding Jewelry.sln (<c>JEWELRY_REPO_ROOT</c>). Default: found by walking up from the AppHost.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>How long a stopping process gets after SIGTERM before SIGKILL.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
