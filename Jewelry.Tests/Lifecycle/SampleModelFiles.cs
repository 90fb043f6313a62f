namespace Jewelry.Tests.Lifecycle;

/// <summary>The committed STL files in samples/models, the ones the README tells a new user to upload.</summary>
public static class SampleModelFiles
{
    public static byte[] Read(string fileName)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Jewelry.sln")))
            {
                return File.ReadAllBytes(Path.Combine(folder.FullName, "samples", "models", fileName));
            }
        }

        throw new InvalidOperationException("The repository root was not found above the test binaries.");
    }
}
