using System.Globalization;
using System.Text.Json;
using Jewelry.Dashboard.Storage.Retention;

namespace Jewelry.Dashboard.Api;

/// <summary>
/// Retention limits as an admin types them, from the JSON API or the settings form. Empty or null means no
/// limit; anything that would empty the store at the next run (an age under a minute, a count under one) is refused.
/// </summary>
public static class RetentionLimitsParsing
{
    public static readonly TimeSpan MinAge = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(3650);
    public const long MaxCount = 1_000_000_000_000;

    private static readonly string[] _fields = ["maxAge", "maxSpans", "maxLogRecords", "maxMetricPoints"];

    /// <summary>The PUT body: all four fields, each a value or null for no limit, so nothing is lifted by omission.</summary>
    public static RetentionLimits? FromJson(JsonElement body, QueryErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "The body must be a JSON object with maxAge, maxSpans, maxLogRecords and maxMetricPoints.");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in body.EnumerateObject())
        {
            if (_fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                values[property.Name] = property.Value;
            }
            else
            {
                errors.Add(property.Name, $"'{property.Name}' is not a retention setting; use {string.Join(", ", _fields)}.");
            }
        }

        foreach (var missing in _fields.Where(f => !values.ContainsKey(f)))
        {
            errors.Add(missing, $"{missing} is missing; give a value, or null for no limit.");
        }

        var maxAge = values.TryGetValue("maxAge", out var age) ? AgeFromJson(age, errors) : null;
        var maxSpans = values.TryGetValue("maxSpans", out var spans) ? CountFromJson(spans, "maxSpans", errors) : null;
        var maxLogs = values.TryGetValue("maxLogRecords", out var logs) ? CountFromJson(logs, "maxLogRecords", errors) : null;
        var maxPoints = values.TryGetValue("maxMetricPoints", out var points) ? CountFromJson(points, "maxMetricPoints", errors) : null;
        return errors.HasErrors ? null : new RetentionLimits(maxAge, maxSpans, maxLogs, maxPoints);
    }

    /// <summary>The settings form: text fields, empty for no limit.</summary>
    public static RetentionLimits? FromForm(string? maxAge, string? maxSpans, string? maxLogRecords, string? maxMetricPoints, QueryErrors errors)
    {
        var limits = new RetentionLimits(
            Age(maxAge, errors),
            Count(maxSpans, "maxSpans", errors),
            Count(maxLogRecords, "maxLogRecords", errors),
            Count(maxMetricPoints, "maxMetricPoints", errors));
        return errors.HasErrors ? null : limits;
    }

    /// <summary>A duration as <c>7.00:00:00</c> (days.hours:minutes:seconds) or <c>7d</c>, <c>36h</c>, <c>90m</c>.</summary>
    public static TimeSpan? Age(string? text, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var parsed = text.Contains(':', StringComparison.Ordinal)
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : (TimeSpan?)null
            : char.IsAsciiLetter(text[^1]) && DurationText.TryParse(text, out var duration) ? duration : null;
        if (parsed is null)
        {
            errors.Add("maxAge", $"'{text}' is not a duration; use days.hours:minutes:seconds such as 7.00:00:00, or 7d, 36h, 90m.");
            return null;
        }

        if (parsed < MinAge || parsed > MaxAge)
        {
            errors.Add("maxAge", $"maxAge must be between 1 minute and {MaxAge.TotalDays:0} days (got {text}); leave it empty for no age limit.");
            return null;
        }

        return parsed;
    }

    public static long? Count(string? text, string field, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!long.TryParse(text.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(field, $"'{text.Trim()}' is not a whole number; leave {field} empty for no limit.");
            return null;
        }

        return Checked(value, field, errors);
    }

    private static TimeSpan? AgeFromJson(JsonElement value, QueryErrors errors) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => Age(value.GetString(), errors) ?? EmptyIsNotNull(value, "maxAge", errors),
        _ => Invalid<TimeSpan>("maxAge", "maxAge must be a string such as \"7.00:00:00\" or \"7d\", or null for no limit.", errors),
    };

    private static long? CountFromJson(JsonElement value, string field, QueryErrors errors) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt64(out var count) => Checked(count, field, errors),
        _ => Invalid<long>(field, $"{field} must be a whole number, or null for no limit.", errors),
    };

    private static long? Checked(long value, string field, QueryErrors errors)
    {
        if (value is < 1 or > MaxCount)
        {
            errors.Add(field, $"{field} must be between 1 and {MaxCount:N0} (got {value}); use null or leave it empty for no limit.");
            return null;
        }

        return value;
    }

    private static TimeSpan? EmptyIsNotNull(JsonElement value, string field, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(field, $"{field} is empty; use null for no limit.");
        }

        return null;
    }

    private static T? Invalid<T>(string field, string message, QueryErrors errors)
        where T : struct
    {
        errors.Add(field, message);
        return null;
    }
}
