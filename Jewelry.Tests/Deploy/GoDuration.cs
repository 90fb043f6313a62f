using System.Globalization;
using System.Text.RegularExpressions;

namespace Jewelry.Tests.Deploy;

/// <summary>Durations as Go writes them in these configurations: <c>336h</c>, <c>1h30m</c>, <c>2.5s</c>, <c>5ms</c>.</summary>
internal static partial class GoDuration
{
    public static TimeSpan Parse(string text)
    {
        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            throw new FormatException($"'{text}' is not a Go duration.");
        }

        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            return total + part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMilliseconds(value),
            };
        });
    }

    [GeneratedRegex(@"(?<value>\d+(\.\d+)?)(?<unit>ms|h|m|s)")]
    private static partial Regex Part();
}
