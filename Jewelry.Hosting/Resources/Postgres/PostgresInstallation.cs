using System.Globalization;

namespace Jewelry.Hosting;

/// <summary>The PostgreSQL server binaries: <c>JEWELRY_POSTGRES_BIN</c>, or the newest /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
internal sealed record PostgresInstallation(string BinDirectory)
{
    public const string ServiceAccount = "postgres";
    public const string BinDirectoryVariable = "JEWELRY_POSTGRES_BIN";
    private const string DebianRoot = "/usr/lib/postgresql";
    private const string InstallHint = $"Install with: {PrerequisiteChecker.SetupHint}, or: sudo apt-get install -y postgresql";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public static PostgresInstallation? Locate(List<string> problems)
    {
        if (Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } configured)
        {
            var installation = new PostgresInstallation(configured);
            if (installation.IsComplete)
            {
                return installation;
            }

            problems.Add($"PostgreSQL: no initdb and postgres in {configured} (set by {BinDirectoryVariable}). {InstallHint}");
            return null;
        }

        var newest = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(versionDirectory => (Version: ParseVersion(Path.GetFileName(versionDirectory)), Installation: new PostgresInstallation(Path.Combine(versionDirectory, "bin"))))
                .Where(candidate => candidate.Installation.IsComplete)
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Installation)
                .FirstOrDefault()
            : null;
        if (newest is null)
        {
            problems.Add($"PostgreSQL is not installed (no {DebianRoot}/<version>/bin/postgres). {InstallHint}");
        }

        return newest;
    }

    private bool IsComplete => ExecutableSearch.IsExecutable(InitDb) && ExecutableSearch.IsExecutable(Postgres);

    private static double ParseVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
