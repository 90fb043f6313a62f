using System.Globalization;

namespace Jewelry.Hosting.LocalData;

/// <summary>Reads /proc. A zombie counts as gone: it runs nothing, and where PID 1 does not reap orphans it never disappears.</summary>
public static class ProcessTable
{
    public static bool IsRunning(int pid) => ReadStatFields(pid) is { } fields && fields[0] is not ("Z" or "X");

    /// <summary>When the process started (clock ticks since boot): with the PID, it tells a process from a later one that reused the PID.</summary>
    public static long? StartTime(int pid) =>
        ReadStatFields(pid) is { Length: > 19 } fields && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start
            : null;

    /// <summary>
    /// The process that does the work: DCP starts a project as <c>dotnet run</c>, which starts the service and waits for
    /// it, so signalling the launcher (<c>kill -STOP</c> to freeze it) would leave the service running. The launcher's
    /// child once it has one, else <paramref name="pid"/> itself.
    /// </summary>
    public static int WorkingProcess(int pid)
    {
        if (!IsDotnetRun(pid))
        {
            return pid;
        }

        var children = ChildrenByParent()[pid].ToList();
        return children.Count == 1 ? children[0] : pid;
    }

    /// <summary>Every process below <paramref name="pid"/> in the process tree, as it is now.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var children = ChildrenByParent();
        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in children[parent])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    private static ILookup<int, int> ChildrenByParent() =>
        Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child) ? child : 0)
            .Where(child => child > 0)
            .Select(child => (Child: child, Parent: ReadStatFields(child) is { Length: > 1 } fields && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : 0))
            .ToLookup(entry => entry.Parent, entry => entry.Child);

    private static bool IsDotnetRun(int pid)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Split('\0');
            return arguments.Length > 1 && Path.GetFileName(arguments[0]) == "dotnet" && arguments[1] == "run";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The fields of /proc/PID/stat after the command name (state first), or null when there is no such process.</summary>
    private static string[]? ReadStatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");

            // The command name is parenthesised and may itself contain spaces or ')'.
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length ? stat[(afterName + 2)..].Split(' ') : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
