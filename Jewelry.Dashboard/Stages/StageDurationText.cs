using System.Globalization;
using Jewelry.Dashboard.Api;

namespace Jewelry.Dashboard.Stages;

/// <summary>Durations from microseconds to days: an order waits days in a status, a database call takes microseconds.</summary>
public static class StageDurationText
{
    private const double Hour = 3_600_000;
    private const double Day = 24 * Hour;

    public static string Format(double milliseconds) => milliseconds switch
    {
        < Hour => DurationText.Format(milliseconds),
        < Day => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / Hour:0.#}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / Day:0.#}d"),
    };

    public static string Format(double? milliseconds) => milliseconds is { } value ? Format(value) : "–";
}
