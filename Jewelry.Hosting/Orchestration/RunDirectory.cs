using System.Globalization;
using System.Security.Cryptography;

namespace Jewelry.Hosting;

/// <summary>
/// The data folder of one run: one sub-folder per resource, logs/, generated values. Per-run folders live
/// under the temp directory as run-&lt;AppHost pid&gt;-&lt;id&gt;, so a later run can remove those whose AppHost died.
/// </summary>
internal sealed class RunDirectory(string path, bool isKept)
{
    private const string OwnerFileName = "apphost.pid";

    // Traversable but not listable: PostgreSQL, running as its own account, must reach its folder below.
    private const UnixFileMode TraversableMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Path { get; } = path;

    public bool IsKept { get; } = isKept;

    /// <summary>True when this run created the folder or found it empty: then it may remove it.</summary>
    public bool OwnedByThisRun { get; private set; }

    public string LogsDirectory => System.IO.Path.Combine(Path, "logs");

    public static string TemporaryRoot => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jewelry");

    public static string NewTemporaryPath() => System.IO.Path.Combine(
        TemporaryRoot,
        $"run-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    public static string KeptPath(string repositoryRoot) => System.IO.Path.Combine(repositoryRoot, ".jewelry", "data");

    public void Create()
    {
        OwnedByThisRun = !Directory.Exists(Path) || !Directory.EnumerateFileSystemEntries(Path).Any();
        CreateTraversable(System.IO.Path.GetDirectoryName(Path)!);
        CreateTraversable(Path);
        ClaimOwnership();
        Directory.CreateDirectory(LogsDirectory, PrivateMode);
    }

    /// <summary>A folder for one resource, private to the AppHost's user unless a server account must own it.</summary>
    public string CreateResourceDirectory(string resourceName, UnixFileMode mode = PrivateMode)
    {
        var directory = System.IO.Path.Combine(Path, resourceName);
        Directory.CreateDirectory(directory, mode);
        return directory;
    }

    public void Delete() => DeleteWithRetries(Path);

    /// <summary>Removes per-run folders left behind by AppHosts that no longer run (killed, crashed).</summary>
    public static void RemoveStaleRuns()
    {
        if (!Directory.Exists(TemporaryRoot))
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(TemporaryRoot, "run-*"))
        {
            var parts = System.IO.Path.GetFileName(directory).Split('-');
            if (parts.Length == 3
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && !IsOwnerRunning(directory, pid))
            {
                try
                {
                    DeleteWithRetries(directory);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Best effort: the next run tries again.
                }
            }
        }
    }

    private static void DeleteWithRetries(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 10)
            {
                // Servers that were just stopped or killed (and their children) may still be writing.
                Thread.Sleep(200);
            }
        }
    }

    private static void CreateTraversable(string directory)
    {
        Directory.CreateDirectory(directory, TraversableMode);
    }

    /// <summary>Two AppHosts sharing the kept data folder would corrupt each other's servers.</summary>
    private void ClaimOwnership()
    {
        var ownerFile = System.IO.Path.Combine(Path, OwnerFileName);
        if (ReadOwner(ownerFile) is { } owner && owner.Pid != Environment.ProcessId && IsOwnerRunning(Path, owner.Pid))
        {
            throw new DistributedApplicationException(
                $"Another AppHost (pid {owner.Pid}) is using the data folder {Path}. Stop it first, or run without --keep-data.");
        }

        var self = Environment.ProcessId;
        File.WriteAllText(ownerFile, string.Create(CultureInfo.InvariantCulture, $"{self} {ProcessTable.StartTime(self)}"));
    }

    /// <summary>
    /// The owner file holds the AppHost's PID and start time, so a PID reused by an unrelated process
    /// does not look like a running AppHost; without the file, the PID alone decides.
    /// </summary>
    private static bool IsOwnerRunning(string directory, int pid)
    {
        var owner = ReadOwner(System.IO.Path.Combine(directory, OwnerFileName));
        return ProcessTable.IsRunning(pid)
            && (owner is not { StartTime: { } startTime } || owner.Value.Pid != pid || ProcessTable.StartTime(pid) == startTime);
    }

    private static (int Pid, long? StartTime)? ReadOwner(string ownerFile)
    {
        try
        {
            var fields = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length > 0 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return (pid, fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No owner file: nobody claimed the folder.
        }

        return null;
    }
}
