using System.Globalization;
using System.Text.RegularExpressions;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Object keys: <c>traces/2026-11-20/14.json.gz</c> for the hour 14:00-15:00 UTC (<c>logs/</c>, <c>metrics/</c> alike).
/// An object is written once; more telemetry of that hour (late arrivals, or the rest of an hour whose oldest records a
/// size limit archived first) goes to <c>14.1.json.gz</c>, <c>14.2.json.gz</c>, ...
/// </summary>
public static partial class ArchiveKey
{
    public const string Extension = ".json.gz";

    public static string For(ArchiveSignal signal, DateTimeOffset hour, int part) =>
        $"{DayPrefix(signal, hour)}{hour.UtcDateTime:HH}{(part == 0 ? string.Empty : "." + part.ToString(CultureInfo.InvariantCulture))}{Extension}";

    public static string DayPrefix(ArchiveSignal signal, DateTimeOffset day) =>
        $"{signal.ToString().ToLowerInvariant()}/{day.UtcDateTime:yyyy-MM-dd}/";

    /// <summary>The hour an archive key holds, or null for a key this archive did not write.</summary>
    public static DateTimeOffset? HourOf(string key)
    {
        var match = Pattern().Match(key);
        return match.Success && DateTimeOffset.TryParseExact(
            match.Groups["day"].Value + "T" + match.Groups["hour"].Value, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var hour)
            ? hour
            : null;
    }

    /// <summary>The part of its hour an archive key holds (0 for <c>14.json.gz</c>, 2 for <c>14.2.json.gz</c>), in the order they were written.</summary>
    public static int PartOf(string key)
    {
        var match = Pattern().Match(key);
        return match.Success && match.Groups["part"].Success ? int.Parse(match.Groups["part"].Value, CultureInfo.InvariantCulture) : 0;
    }

    public static DateTimeOffset HourStart(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    [GeneratedRegex(@"^(traces|logs|metrics)/(?<day>\d{4}-\d{2}-\d{2})/(?<hour>\d{2})(\.(?<part>\d+))?\.json\.gz$")]
    private static partial Regex Pattern();
}
