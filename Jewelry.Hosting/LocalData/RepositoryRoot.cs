namespace Jewelry.Hosting.LocalData;

/// <summary>The folder holding Jewelry.sln: tools/ (s3rver) and .jewelry/ (kept data) live there.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFileName = "Jewelry.sln";

    /// <summary>Walks up from the AppHost's project folder; falls back to that folder when no solution is found.</summary>
    public static string Locate(string appHostDirectory)
    {
        for (var directory = new DirectoryInfo(appHostDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return appHostDirectory;
    }
}
