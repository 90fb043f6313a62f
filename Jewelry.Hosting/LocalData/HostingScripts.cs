namespace Jewelry.Hosting.LocalData;

/// <summary>The wrapper scripts in <c>Scripts/</c>, copied next to the AppHost (and the tests) under <c>jewelry-hosting/</c>.</summary>
internal static class HostingScripts
{
    public const string Shell = "/bin/bash";

    public static string PathOf(string scriptName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "jewelry-hosting", scriptName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{scriptName} is missing from {Path.GetDirectoryName(path)}; rebuild the AppHost (dotnet build Jewelry.sln).", path);
    }
}
