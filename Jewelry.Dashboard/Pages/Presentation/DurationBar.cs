using System.Globalization;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>
/// The width of a duration bar in a list, on a logarithmic scale from 1 ms to the longest listed: one 10 s trace
/// would otherwise shrink every 50 ms one to nothing.
/// </summary>
public static class DurationBar
{
    public static string Width(double durationMs, double longestMs)
    {
        var percent = longestMs <= 0 ? 0 : 100 * Math.Log10(1 + Math.Max(0, durationMs)) / Math.Log10(1 + longestMs);
        return Math.Clamp(percent, 0, 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }
}
