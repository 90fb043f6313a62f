namespace Jewelry.Hosting;

/// <summary>The AppHost's own configuration keys (section <c>Jewelry</c>), set in appsettings, the environment or by the switches of <see cref="AppHostArguments"/>.</summary>
public static class AppHostSettings
{
    /// <summary>Keep the servers' data in <c>.jewelry/data</c> between runs instead of a throwaway folder per run.</summary>
    public const string KeepData = "Jewelry:KeepData";

    /// <summary>The folder the local servers keep their data and logs in; overrides both defaults.</summary>
    public const string DataDirectory = "Jewelry:DataDirectory";

    /// <summary>Where the running stack is described as JSON (default <c>resources.json</c> in the data folder).</summary>
    public const string StateFile = "Jewelry:StateFile";

    /// <summary>Run PostgreSQL, RabbitMQ and the S3 store as containers in run mode too (they always are when publishing).</summary>
    public const string Containers = "Jewelry:Containers";

    /// <summary>Shorten the stuck and lost thresholds of message waits to seconds, for a demo (see <c>DemoThresholdsExtensions</c>).</summary>
    public const string DemoThresholds = "Jewelry:DemoThresholds";
}
