using System.Globalization;
using System.Text;
using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Api;

/// <summary>Parsing shared by the trace and log searches, with messages that say what was expected.</summary>
internal static class QueryParsing
{
    public static readonly IReadOnlyList<(string Value, string Label, TimeSpan? Span)> Lookbacks =
    [
        ("15m", "Last 15 minutes", TimeSpan.FromMinutes(15)),
        ("1h", "Last hour", TimeSpan.FromHours(1)),
        ("6h", "Last 6 hours", TimeSpan.FromHours(6)),
        ("24h", "Last 24 hours", TimeSpan.FromHours(24)),
        ("7d", "Last 7 days", TimeSpan.FromDays(7)),
        ("all", "All time", null),
    ];

    public static DateTimeOffset? Time(string? text, string parameter, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors.Add(parameter, $"'{text}' is not a time; use ISO 8601, for example 2026-01-31T14:05:00Z.");
        return null;
    }

    public static (DateTimeOffset? Start, DateTimeOffset? End) TimeRange(
        string? start, string? end, string? lookback, DateTimeOffset now, QueryErrors errors)
    {
        var from = Time(start, "start", errors);
        var to = Time(end, "end", errors);
        if (from is null && !string.IsNullOrWhiteSpace(lookback))
        {
            var match = Lookbacks.FirstOrDefault(l => string.Equals(l.Value, lookback, StringComparison.OrdinalIgnoreCase));
            if (match.Value is null)
            {
                errors.Add("lookback", $"'{lookback}' is not a lookback; use one of {string.Join(", ", Lookbacks.Select(l => l.Value))}.");
            }
            else if (match.Span is { } span)
            {
                from = (to ?? now) - span;
            }
        }

        if (from > to)
        {
            errors.Add("start", "start is after end.");
        }

        return (from, to);
    }

    public static TimeSpan? Duration(string? text, string parameter, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration))
        {
            return duration;
        }

        errors.Add(parameter, $"'{text}' is not a duration; use a number with us, ms, s, m or h, for example 250ms or 1.5s.");
        return null;
    }

    public static IReadOnlyList<AttributeFilter> Attributes(IEnumerable<string>? values, QueryErrors errors)
    {
        var filters = new List<AttributeFilter>();
        // An emptied filter field arrives as a null or empty value.
        foreach (var token in (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(Tokenize))
        {
            if (AttributeFilter.TryParse(token, out var filter, out var error))
            {
                filters.Add(filter!);
            }
            else
            {
                errors.Add("attr", error!);
            }
        }

        return filters;
    }

    public static byte[]? HexId(string? text, int length, string parameter, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length == length * 2 && text.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(text);
        }

        errors.Add(parameter, $"'{text}' is not a {parameter}: expected {length * 2} hex digits.");
        return null;
    }

    public static int Limit(int? limit, int defaultLimit, int maxLimit, QueryErrors errors)
    {
        if (limit is null)
        {
            return defaultLimit;
        }

        if (limit < 1 || limit > maxLimit)
        {
            errors.Add("limit", $"limit must be between 1 and {maxLimit}.");
        }

        return limit.Value;
    }

    /// <summary>Splits <c>a=1 b="two words"</c> into filters; quotes keep spaces in a value.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
