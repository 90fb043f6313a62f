namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>OTLP severity numbers come in bands of four; each band is a level.</summary>
public static class LogLevels
{
    public static readonly IReadOnlyList<(string Name, int MinSeverity)> All =
    [
        ("trace", 1),
        ("debug", 5),
        ("information", 9),
        ("warning", 13),
        ("error", 17),
        ("critical", 21),
    ];

    public static string NameOf(int severityNumber) => severityNumber switch
    {
        <= 0 => "unspecified",
        <= 4 => "trace",
        <= 8 => "debug",
        <= 12 => "information",
        <= 16 => "warning",
        <= 20 => "error",
        _ => "critical",
    };

    public static int? MinSeverityOf(string? level) =>
        All.Where(l => string.Equals(l.Name, level, StringComparison.OrdinalIgnoreCase)).Select(l => (int?)l.MinSeverity).FirstOrDefault();
}
