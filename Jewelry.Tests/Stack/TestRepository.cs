namespace Jewelry.Tests.Stack;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Jewelry.sln.</summary>
public static class TestRepository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Jewelry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Jewelry.sln not found above " + AppContext.BaseDirectory);
    }
}
