namespace Jewelry.Benchmarks.Tracing;

/// <summary>What the figures depend on besides the code: cores, CPU model, load.</summary>
public static class MachineInfo
{
    public static int Cores => Environment.ProcessorCount;

    public static string CpuModel =>
        TryRead("/proc/cpuinfo")?.Split('\n').FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "unknown CPU";

    /// <summary>The 1, 5 and 15 minute load averages, as <c>/proc/loadavg</c> gives them.</summary>
    public static string LoadAverage =>
        TryRead("/proc/loadavg")?.Split(' ') is [var one, var five, var fifteen, ..] ? $"{one} {five} {fifteen}" : "unknown";

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
