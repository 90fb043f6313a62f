using System.Globalization;
using Npgsql;

namespace Jewelry.Hosting;

/// <summary>Runs initdb once per data folder, then postgres on 127.0.0.1 with its socket in the run folder.</summary>
internal sealed class PostgresServerRunner(PostgresServerResource resource, RunContext context) : ResourceRunner(resource, context)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private PostgresInstallation Installation => Context.Tools.Postgres!;

    // When the AppHost is root, PostgreSQL runs as its own account; otherwise as the AppHost's user.
    private UnixUser? ServiceUser => Context.Tools.ServiceUser;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = Context.Directory.CreateResourceDirectory(resource.Name, OwnerOnly);
        var dataDirectory = Path.Combine(root, "data");
        var socketDirectory = Path.Combine(root, "run");
        EnsureServiceUserCanReach(root);
        foreach (var directory in new[] { root, socketDirectory })
        {
            Directory.CreateDirectory(directory, OwnerOnly);
            ServiceUser?.Own(directory);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeDataDirectoryAsync(root, dataDirectory, cancellationToken).ConfigureAwait(false);
        }

        RemoveStaleLockFile(dataDirectory);

        await LaunchAsync(new ProcessSpec(Installation.Postgres,
        [
            "-D", dataDirectory,
            "-p", resource.PrimaryEndpoint.Endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "-c", $"listen_addresses={EndpointAnnotation.LocalHost}",
            "-c", $"unix_socket_directories={socketDirectory}",
        ])
        {
            WorkingDirectory = root,
            RunAs = ServiceUser,

            // SIGTERM ("smart") waits for every client to disconnect; SIGINT ("fast") does not.
            StopSignal = NativeMethods.SIGINT,
        }).ConfigureAwait(false);
    }

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ProbeConnectionString(resource.ConnectionStringExpression.GetValue()));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthStatus.Healthy;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthStatus.Unhealthy(exception.Message);
        }
    }

    internal static string ProbeConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3, CommandTimeout = 3 }.ConnectionString;

    private async Task InitializeDataDirectoryAsync(string root, string dataDirectory, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(root, "pwfile");
        PrivateFile.WriteAllText(passwordFile, resource.PasswordParameter.GetValue());
        ServiceUser?.Own(passwordFile);
        try
        {
            await RunToCompletionAsync(new ProcessSpec(Installation.InitDb,
            [
                "-D", dataDirectory,
                "-U", PostgresServerResource.UserName,
                $"--pwfile={passwordFile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",

                // A dev data folder gains nothing from an fsync of every file it just wrote.
                "--no-sync",
                "--no-instructions",
            ])
            {
                WorkingDirectory = root,
                RunAs = ServiceUser,
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// After the AppHost is killed, postmaster.pid names a dead postgres; if that PID is a zombie that
    /// is never reaped, postgres would refuse to start, believing another postmaster is running.
    /// </summary>
    private static void RemoveStaleLockFile(string dataDirectory)
    {
        var lockFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (File.Exists(lockFile)
            && int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && !ProcessTable.IsRunning(pid))
        {
            File.Delete(lockFile);
        }
    }

    /// <summary>The service account must be able to walk down to its folder; a data folder under a private home cannot work.</summary>
    private void EnsureServiceUserCanReach(string directory)
    {
        if (ServiceUser is null)
        {
            return;
        }

        for (var parent = Directory.GetParent(directory); parent is not null; parent = parent.Parent)
        {
            if ((File.GetUnixFileMode(parent.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs as user '{ServiceUser.Name}', which cannot enter {parent.FullName}. " +
                    "Use a data folder it can reach (--data-dir), or run the AppHost as a regular user.");
            }
        }
    }
}
