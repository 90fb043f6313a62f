using Jewelry.Hosting.LocalData;
using Microsoft.Extensions.Configuration;

namespace Jewelry.Hosting.RabbitMQ;

/// <summary>RabbitMQ's start script (<c>JEWELRY_RABBITMQ_HOME</c>, or the Debian package) and Erlang's epmd.</summary>
internal sealed record RabbitMQInstallation(string? ServerScript, string? Epmd, string? ConfiguredHome)
{
    public const string HomeVariable = "JEWELRY_RABBITMQ_HOME";
    private const string DebianHome = "/usr/lib/rabbitmq";
    private const string InstallHint = $"Install it with {MissingPrerequisiteException.SetupHint} (or: sudo apt-get install -y rabbitmq-server).";

    public static RabbitMQInstallation Locate(IConfiguration configuration)
    {
        var configured = configuration[HomeVariable] is { Length: > 0 } home ? home : null;
        return new RabbitMQInstallation(FindServerScript(configured ?? DebianHome), ExecutableSearch.Find("epmd", "/usr/lib/erlang/bin"), configured);
    }

    /// <summary>Why the broker cannot run, in one line with the command that fixes it; null when it can.</summary>
    public string? Problem()
    {
        if (ServerScript is null)
        {
            return ConfiguredHome is { } configured
                ? $"RabbitMQ: no sbin/rabbitmq-server or bin/rabbitmq-server in {configured} (set by {HomeVariable}). {InstallHint}"
                : $"RabbitMQ is not installed (no {DebianHome}/bin/rabbitmq-server). {InstallHint}";
        }

        return Epmd is null ? $"Erlang's epmd is not installed (RabbitMQ needs it). {InstallHint}" : null;
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
