namespace Jewelry.Hosting.LocalData;

internal static class ExecutableSearch
{
    /// <summary>Finds <paramref name="name"/> on PATH, then in <paramref name="fallbackDirectories"/>.</summary>
    public static string? Find(string name, params string[] fallbackDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(fallbackDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(IsExecutable);
    }

    public static bool IsExecutable(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
