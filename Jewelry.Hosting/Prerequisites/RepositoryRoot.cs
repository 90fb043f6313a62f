namespace Jewelry.Hosting;

/// <summary>The folder holding Jewelry.sln: tools/ (s3rver) and .jewelry/ (kept data) live there.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFileName = "Jewelry.sln";

    public static string Locate(string? configured)
    {
        if (configured is not null)
        {
            return Path.GetFullPath(configured);
        }

        return FindUpwards(AppContext.BaseDirectory)
            ?? FindUpwards(Environment.CurrentDirectory)
            ?? Environment.CurrentDirectory;
    }

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
