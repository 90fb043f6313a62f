using System.Globalization;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>Places times and durations on a horizontal axis as CSS percentages.</summary>
public sealed class TimelineScale(DateTimeOffset start, DateTimeOffset end)
{
    private readonly double _totalMs = Math.Max(1, (end - start).TotalMilliseconds);

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset End { get; } = end;

    public double TotalMs => _totalMs;

    public string Left(DateTimeOffset time) => Percent((time - Start).TotalMilliseconds);

    public string Width(double durationMs) => Percent(durationMs);

    /// <summary>For offsets already relative to <see cref="Start"/>.</summary>
    public string Percent(double milliseconds) =>
        Math.Clamp(100 * milliseconds / _totalMs, 0, 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
