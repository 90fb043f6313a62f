namespace Jewelry.Hosting;

/// <summary>RabbitMQ's start script (<c>JEWELRY_RABBITMQ_HOME</c>, or the Debian package) and Erlang's epmd.</summary>
internal sealed record RabbitMQInstallation(string ServerScript, string Epmd)
{
    public const string HomeVariable = "JEWELRY_RABBITMQ_HOME";
    private const string DebianHome = "/usr/lib/rabbitmq";
    private const string InstallHint = $"Install with: {PrerequisiteChecker.SetupHint}, or: sudo apt-get install -y rabbitmq-server";

    public static RabbitMQInstallation? Locate(List<string> problems)
    {
        var configured = Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } home ? home : null;
        var script = FindServerScript(configured ?? DebianHome);
        if (script is null)
        {
            problems.Add(configured is null
                ? $"RabbitMQ is not installed (no {DebianHome}/bin/rabbitmq-server). {InstallHint}"
                : $"RabbitMQ: no sbin/rabbitmq-server or bin/rabbitmq-server in {configured} (set by {HomeVariable}). {InstallHint}");
        }

        var epmd = ExecutableSearch.Find("epmd", "/usr/lib/erlang/bin");
        if (epmd is null)
        {
            problems.Add($"Erlang's epmd is not installed (RabbitMQ needs it). {InstallHint}");
        }

        return script is null || epmd is null ? null : new RabbitMQInstallation(script, epmd);
    }

    private static string? FindServerScript(string home)
    {
        string[] candidates = [Path.Combine(home, "sbin", "rabbitmq-server"), Path.Combine(home, "bin", "rabbitmq-server")];
        var versioned = Directory.Exists(Path.Combine(home, "lib"))
            ? Directory.GetDirectories(Path.Combine(home, "lib"), "rabbitmq_server-*")
                .OrderDescending(StringComparer.Ordinal)
                .Select(directory => Path.Combine(directory, "sbin", "rabbitmq-server"))
            : [];
        return candidates.Concat(versioned).FirstOrDefault(ExecutableSearch.IsExecutable);
    }
}
