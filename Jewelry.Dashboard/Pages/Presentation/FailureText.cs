namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>
/// A failure reason as a page shows it: its first line, shortened, never a whole stack trace (the span with
/// everything it recorded is one click away).
/// </summary>
public static class FailureText
{
    public const int MaxLength = 240;

    public static string Summary(string reason)
    {
        var firstLine = reason.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        return firstLine.Length <= MaxLength ? firstLine : firstLine[..(MaxLength - 1)] + "…";
    }

    /// <summary>Whether <see cref="Summary"/> leaves something out.</summary>
    public static bool IsShortened(string reason) => Summary(reason).Length != reason.Trim().Length;
}
