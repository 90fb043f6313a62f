using System.Globalization;
using Jewelry.Hosting.LocalData;

namespace Jewelry.Hosting.Postgres;

/// <summary>
/// The folder of one local PostgreSQL server: <c>data/</c> (initdb'd once, kept with <c>--keep-data</c>) and <c>run/</c>
/// (its socket). Prepared before every start, so a server killed with SIGKILL starts again.
/// </summary>
internal sealed class PostgresDataDirectory(string root)
{
    public string Root { get; } = root;

    public string Data => Path.Combine(Root, "data");

    public string Sockets => Path.Combine(Root, "run");

    public async Task PrepareAsync(PostgresInstallation installation, string password, CancellationToken cancellationToken)
    {
        var serviceUser = UnixUser.IsRoot ? UnixUser.Find(PostgresInstallation.ServiceAccount) : null;
        EnsureReachable(serviceUser);
        foreach (var directory in new[] { Root, Sockets })
        {
            Directory.CreateDirectory(directory, LocalDataDirectory.PrivateMode);
            serviceUser?.Own(directory);
        }

        if (!File.Exists(Path.Combine(Data, "PG_VERSION")))
        {
            await InitializeAsync(installation, password, serviceUser, cancellationToken).ConfigureAwait(false);
        }

        RemoveStaleLockFile();
    }

    private async Task InitializeAsync(PostgresInstallation installation, string password, UnixUser? serviceUser, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(Root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        serviceUser?.Own(passwordFile);
        try
        {
            await ChildProcess.RunAsync(
                installation.InitDb,
                [
                    "-D", Data,
                    "-U", LocalPostgresNames.UserName,
                    $"--pwfile={passwordFile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",

                    // A dev data folder gains nothing from an fsync of every file it just wrote.
                    "--no-sync",
                    "--no-instructions",
                ],
                Root,
                serviceUser,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// After a SIGKILL, postmaster.pid names a dead postgres; if that PID is a zombie that is never reaped,
    /// postgres would refuse to start, believing another postmaster is running.
    /// </summary>
    private void RemoveStaleLockFile()
    {
        var lockFile = Path.Combine(Data, "postmaster.pid");
        if (File.Exists(lockFile)
            && int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && !ProcessTable.IsRunning(pid))
        {
            File.Delete(lockFile);
        }
    }

    /// <summary>The service account must be able to walk down to its folder; a data folder under a private home cannot work.</summary>
    private void EnsureReachable(UnixUser? serviceUser)
    {
        if (serviceUser is null)
        {
            return;
        }

        for (var parent = Directory.GetParent(Root); parent is not null; parent = parent.Parent)
        {
            if (Directory.Exists(parent.FullName) && (File.GetUnixFileMode(parent.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs as user '{serviceUser.Name}', which cannot enter {parent.FullName}. " +
                    $"Use a data folder it can reach (--data-dir), or run the AppHost as a regular user.");
            }
        }
    }
}
