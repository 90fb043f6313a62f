using System.Globalization;

namespace Jewelry.Tests.Hosting;

/// <summary>Reads /proc. A zombie counts as gone: where PID 1 does not reap orphans, zombies never disappear.</summary>
internal static class ProcessInspector
{
    public static bool IsRunning(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State is not ('Z' or 'X');
    }

    /// <summary>Every process below <paramref name="pid"/> in the process tree.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child) ? child : 0)
            .Where(child => child > 0)
            .Select(child => (Child: child, Stat: ReadStat(child)))
            .Where(entry => entry.Stat is not null)
            .ToLookup(entry => entry.Stat!.Value.ParentPid, entry => entry.Child);

        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in parents[parent])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The variables the process was started with.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(int pid, CancellationToken cancellationToken) =>
        (await File.ReadAllTextAsync($"/proc/{pid}/environ", cancellationToken))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(variable => variable.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty, StringComparer.Ordinal);

    public static string Describe(int pid)
    {
        try
        {
            return $"{pid} ({File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()})";
        }
        catch (IOException)
        {
            return pid.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static (char State, int ParentPid)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
