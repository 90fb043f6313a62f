namespace Jewelry.Hosting;

/// <summary>Where the programs the resources run were found on this machine.</summary>
internal sealed class Toolchain
{
    public required string Setpriv { get; init; }

    public required string Setsid { get; init; }

    public required string DotNet { get; init; }

    public required string RepositoryRoot { get; init; }

    /// <summary>The account servers that refuse root run as, when the AppHost is root; null otherwise.</summary>
    public UnixUser? ServiceUser { get; init; }

    public PostgresInstallation? Postgres { get; init; }

    public RabbitMQInstallation? RabbitMQ { get; init; }

    public S3rverInstallation? S3rver { get; init; }
}
