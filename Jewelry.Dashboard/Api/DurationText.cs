using System.Globalization;

namespace Jewelry.Dashboard.Api;

/// <summary>Durations as people type them: <c>250ms</c>, <c>1.5s</c>, <c>2m</c>, <c>1h</c>, <c>800us</c>; a bare number is milliseconds.</summary>
public static class DurationText
{
    private static readonly (string Suffix, double Milliseconds)[] _units =
    [
        ("us", 0.001), ("µs", 0.001), ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ];

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var unit = _units.Where(u => text.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase)).OrderByDescending(u => u.Suffix.Length).FirstOrDefault();
        var number = unit.Suffix is null ? text : text[..^unit.Suffix.Length].Trim();
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
        {
            return false;
        }

        var milliseconds = value * (unit.Suffix is null ? 1 : unit.Milliseconds);
        if (milliseconds > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    public static string Format(double milliseconds) => milliseconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds * 1000:0.#}µs"),
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.##}ms"),
        < 60_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.##}s"),
        < 3_600_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 60_000:0.#}min"),
        < 86_400_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 3_600_000:0.#}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 86_400_000:0.#}d"),
    };

    /// <summary>A dash for a duration that was not measured.</summary>
    public static string Format(double? milliseconds) => milliseconds is { } value ? Format(value) : "–";
}
