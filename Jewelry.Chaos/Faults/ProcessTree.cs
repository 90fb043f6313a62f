using System.Globalization;

namespace Jewelry.Chaos.Faults;

/// <summary>A process and every process below it, read from /proc.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Of(int root)
    {
        var children = Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid)))
            .Where(entry => entry.Parent is not null)
            .ToLookup(entry => entry.Parent!.Value, entry => entry.Pid);
        var found = new List<int> { root };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(children[found[i]]);
        }

        return found;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
