namespace Jewelry.SampleModels;

public static class RepositoryRoot
{
    /// <summary>The nearest folder at or above the current one that holds Jewelry.sln.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Jewelry.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run this inside the repository, or pass the output folder as the first argument.");
    }
}
