using System.ComponentModel;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Jewelry.Dashboard.Api;

/// <summary>The trace search as query parameters: the same names in the API and in the Traces page URL.</summary>
public sealed class TraceSearchParameters
{
    [FromQuery(Name = "service"), Description("Traces in which this service has a span.")]
    public string? Service { get; set; }

    [FromQuery(Name = "name"), Description("Traces with a span whose name contains this text.")]
    public string? Name { get; set; }

    [FromQuery(Name = "errorsOnly"), Description("Only traces with an error span.")]
    public bool? ErrorsOnly { get; set; }

    [FromQuery(Name = "minDuration"), Description("Minimum trace duration: 250ms, 1.5s, 2m; a bare number is milliseconds.")]
    public string? MinDuration { get; set; }

    [FromQuery(Name = "maxDuration"), Description("Maximum trace duration, same format as minDuration.")]
    public string? MaxDuration { get; set; }

    [FromQuery(Name = "start"), Description("Traces started at or after this time (ISO 8601, UTC when no offset is given).")]
    public string? Start { get; set; }

    [FromQuery(Name = "end"), Description("Traces started at or before this time (ISO 8601).")]
    public string? End { get; set; }

    [FromQuery(Name = "lookback"), Description("Instead of start: 15m, 1h, 6h, 24h, 7d or all.")]
    public string? Lookback { get; set; }

    [FromQuery(Name = "orderId"), Description("Traces of this order: a span has the attribute order.id equal to this.")]
    public string? OrderId { get; set; }

    [FromQuery(Name = "attr"), Description("Attribute filters key=value, e.g. order.id=42; repeat or separate with spaces; all must match.")]
    public string[]? Attr { get; set; }

    [FromQuery(Name = "limit"), Description("Traces per page, 1 to 1000 (default 50).")]
    public int? Limit { get; set; }

    [FromQuery(Name = "after"), Description("The nextCursor of the previous page.")]
    public string? After { get; set; }

    public TraceSearch ToSearch(DateTimeOffset now, QueryErrors errors)
    {
        var (start, end) = QueryParsing.TimeRange(Start, End, Lookback, now, errors);
        var min = QueryParsing.Duration(MinDuration, "minDuration", errors);
        var max = QueryParsing.Duration(MaxDuration, "maxDuration", errors);
        if (min > max)
        {
            errors.Add("minDuration", "minDuration is larger than maxDuration.");
        }

        TraceCursor? cursor = null;
        if (!string.IsNullOrEmpty(After) && !TraceCursor.TryParse(After, out cursor))
        {
            errors.Add("after", "after must be the nextCursor of a previous page.");
        }

        var attributes = QueryParsing.Attributes(Attr, errors).ToList();
        if (!string.IsNullOrWhiteSpace(OrderId))
        {
            attributes.Add(new AttributeFilter(LogSearchParameters.OrderIdAttribute, OrderId.Trim()));
        }

        return new TraceSearch
        {
            ServiceName = NullIfEmpty(Service),
            SpanName = NullIfEmpty(Name),
            ErrorsOnly = ErrorsOnly ?? false,
            MinDuration = min,
            MaxDuration = max,
            Start = start,
            End = end,
            Attributes = attributes,
            Limit = QueryParsing.Limit(Limit, TraceSearch.DefaultLimit, TraceSearch.MaxLimit, errors),
            After = cursor,
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
