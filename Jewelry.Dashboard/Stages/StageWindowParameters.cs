using System.ComponentModel;
using System.Globalization;
using Jewelry.Dashboard.Api;
using Microsoft.AspNetCore.Mvc;

namespace Jewelry.Dashboard.Stages;

/// <summary>The window of the stage statistics as query parameters: the same names in the API and in the Stages page URL.</summary>
public sealed class StageWindowParameters
{
    public const string DefaultWindow = "1h";

    /// <summary>A window shorter than this has too few stays to say anything.</summary>
    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1);

    /// <summary>The choices of the page's window picker.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
    [
        ("15m", "15 minutes"),
        ("1h", "1 hour"),
        ("24h", "24 hours"),
        ("7d", "7 days"),
    ];

    [FromQuery(Name = "window"), Description("How far back from 'to' (default now): 15m, 1h, 24h, 7d or any number with m, h or d; default 1h. Not together with 'from'.")]
    public string? Window { get; set; }

    [FromQuery(Name = "from"), Description("Start of the window (ISO 8601, UTC when no offset is given), instead of window.")]
    public string? From { get; set; }

    [FromQuery(Name = "to"), Description("End of the window (ISO 8601); default now.")]
    public string? To { get; set; }

    /// <summary>The window these parameters name at <paramref name="now"/>, or null with the reasons in <paramref name="errors"/>.</summary>
    public StageWindow? ToWindow(DateTimeOffset now, TimeSpan lookBack, QueryErrors errors)
    {
        var fromGiven = !string.IsNullOrWhiteSpace(From);
        var windowGiven = !string.IsNullOrWhiteSpace(Window);
        if (fromGiven && windowGiven)
        {
            errors.Add("window", "Give either window or from, not both: from and to name the window exactly.");
        }

        var from = QueryParsing.Time(From, "from", errors);
        var to = QueryParsing.Time(To, "to", errors) ?? now;
        if (!fromGiven && ParseLength(windowGiven ? Window! : DefaultWindow, lookBack, errors) is { } length)
        {
            if (to - DateTimeOffset.MinValue < length)
            {
                errors.Add("to", $"to ({Iso(to)}) is too early for a window of {Describe(length)}.");
            }
            else
            {
                from = to - length;
            }
        }

        if (errors.HasErrors)
        {
            return null;
        }

        if (from >= to)
        {
            errors.Add("from", $"from ({Iso(from!.Value)}) must be before to ({Iso(to)}).");
        }
        else if (to - from > lookBack)
        {
            errors.Add("from", $"The window from {Iso(from!.Value)} to {Iso(to)} is longer than the {Describe(lookBack)} the dashboard keeps stage statistics (Dashboard:State:KeepFor).");
        }

        return errors.HasErrors ? null : new StageWindow(from!.Value, to);
    }

    private static TimeSpan? ParseLength(string text, TimeSpan lookBack, QueryErrors errors)
    {
        bool parsed;
        TimeSpan length;
        try
        {
            parsed = DurationText.TryParse(text, out length);
        }
        catch (OverflowException)
        {
            // More than TimeSpan holds: certainly longer than the look-back.
            parsed = true;
            length = TimeSpan.MaxValue;
        }

        if (!parsed)
        {
            errors.Add("window", $"'{text}' is not a window; use a number with m, h or d, for example 15m, 1h, 24h or 7d.");
        }
        else if (length < MinWindow)
        {
            errors.Add("window", $"The window '{text}' is shorter than a minute; use m, h or d, for example 15m.");
        }
        else if (length > lookBack)
        {
            errors.Add("window", $"The window '{text}' is longer than the {Describe(lookBack)} the dashboard keeps stage statistics (Dashboard:State:KeepFor).");
        }
        else
        {
            return length;
        }

        return null;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span) => DurationText.Format(span.TotalMilliseconds);
}
