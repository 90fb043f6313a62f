using System.Globalization;
using Jewelry.Hosting.LocalData;
using Microsoft.Extensions.Configuration;

namespace Jewelry.Hosting.Postgres;

/// <summary>The PostgreSQL server binaries: <c>JEWELRY_POSTGRES_BIN</c> (environment or configuration), or the newest /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
internal sealed record PostgresInstallation(string BinDirectory, string? ConfiguredBinDirectory)
{
    public const string ServiceAccount = "postgres";
    public const string BinDirectoryVariable = "JEWELRY_POSTGRES_BIN";
    private const string DebianRoot = "/usr/lib/postgresql";
    private const string InstallHint = $"Install it with {MissingPrerequisiteException.SetupHint} (or: sudo apt-get install -y postgresql).";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public bool IsComplete => ExecutableSearch.IsExecutable(InitDb) && ExecutableSearch.IsExecutable(Postgres);

    /// <summary>The installation to use, complete or not: an incomplete one tells <see cref="Problem"/> what is missing.</summary>
    public static PostgresInstallation Locate(IConfiguration configuration)
    {
        if (configuration[BinDirectoryVariable] is { Length: > 0 } configured)
        {
            return new PostgresInstallation(configured, configured);
        }

        var newest = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(versionDirectory => (Version: ParseVersion(Path.GetFileName(versionDirectory)), Installation: new PostgresInstallation(Path.Combine(versionDirectory, "bin"), null)))
                .Where(candidate => candidate.Installation.IsComplete)
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Installation)
                .FirstOrDefault()
            : null;
        return newest ?? new PostgresInstallation(Path.Combine(DebianRoot, "15", "bin"), null);
    }

    /// <summary>Why this installation cannot run, in one line with the command that fixes it; null when it can.</summary>
    public string? Problem()
    {
        if (!IsComplete)
        {
            return ConfiguredBinDirectory is { } configured
                ? $"PostgreSQL: no initdb and postgres in {configured} (set by {BinDirectoryVariable}). {InstallHint}"
                : $"PostgreSQL is not installed (no {DebianRoot}/<version>/bin/postgres). {InstallHint}";
        }

        if (UnixUser.IsRoot && UnixUser.Find(ServiceAccount) is null)
        {
            return $"PostgreSQL refuses to run as root and there is no '{ServiceAccount}' account to run it as. {InstallHint}";
        }

        return null;
    }

    private static double ParseVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
