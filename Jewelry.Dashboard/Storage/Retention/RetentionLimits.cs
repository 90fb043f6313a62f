using System.Globalization;

namespace Jewelry.Dashboard.Storage.Retention;

/// <summary>The limits retention enforces; null means no limit. From configuration, or as an admin set them.</summary>
public sealed record RetentionLimits(TimeSpan? MaxAge, long? MaxSpans, long? MaxLogRecords, long? MaxMetricPoints)
{
    public static RetentionLimits From(RetentionOptions options) =>
        new(options.MaxAge, options.MaxSpans, options.MaxLogRecords, options.MaxMetricPoints);

    /// <summary>"maxAge 7.00:00:00 -> 1.00:00:00, maxSpans 10000000 -> 5000": only what differs.</summary>
    public string DescribeChangeTo(RetentionLimits next)
    {
        var changes = new[]
            {
                ("maxAge", Text(MaxAge), Text(next.MaxAge)),
                ("maxSpans", Text(MaxSpans), Text(next.MaxSpans)),
                ("maxLogRecords", Text(MaxLogRecords), Text(next.MaxLogRecords)),
                ("maxMetricPoints", Text(MaxMetricPoints), Text(next.MaxMetricPoints)),
            }
            .Where(c => c.Item2 != c.Item3)
            .Select(c => $"{c.Item1} {c.Item2} -> {c.Item3}")
            .ToList();
        return changes.Count == 0 ? "no change" : string.Join(", ", changes);
    }

    public static string Text(TimeSpan? value) => value?.ToString("c", CultureInfo.InvariantCulture) ?? "none";

    public static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
