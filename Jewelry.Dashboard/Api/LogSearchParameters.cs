using System.ComponentModel;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Jewelry.Dashboard.Api;

/// <summary>The structured log search as query parameters, shared by the API and the Structured logs page.</summary>
public sealed class LogSearchParameters
{
    public const string OrderIdAttribute = "order.id";

    [FromQuery(Name = "service"), Description("Records of this service.")]
    public string? Service { get; set; }

    [FromQuery(Name = "level"), Description("Minimum level: trace, debug, information, warning, error or critical.")]
    public string? Level { get; set; }

    [FromQuery(Name = "text"), Description("Records whose message contains this text.")]
    public string? Text { get; set; }

    [FromQuery(Name = "traceId"), Description("Records of this trace (32 hex digits).")]
    public string? TraceId { get; set; }

    [FromQuery(Name = "spanId"), Description("Records of this span (16 hex digits).")]
    public string? SpanId { get; set; }

    [FromQuery(Name = "orderId"), Description("Records with the attribute order.id equal to this.")]
    public string? OrderId { get; set; }

    [FromQuery(Name = "attr"), Description("Attribute filters key=value; all must match.")]
    public string[]? Attr { get; set; }

    [FromQuery(Name = "start"), Description("Records at or after this time (ISO 8601).")]
    public string? Start { get; set; }

    [FromQuery(Name = "end"), Description("Records at or before this time (ISO 8601).")]
    public string? End { get; set; }

    [FromQuery(Name = "lookback"), Description("Instead of start: 15m, 1h, 6h, 24h, 7d or all.")]
    public string? Lookback { get; set; }

    [FromQuery(Name = "limit"), Description("Records per page, 1 to 1000 (default 100).")]
    public int? Limit { get; set; }

    [FromQuery(Name = "after"), Description("The nextCursor of the previous page.")]
    public string? After { get; set; }

    public LogSearch ToSearch(DateTimeOffset now, QueryErrors errors)
    {
        var (start, end) = QueryParsing.TimeRange(Start, End, Lookback, now, errors);
        int? minSeverity = null;
        if (!string.IsNullOrWhiteSpace(Level))
        {
            minSeverity = LogLevels.MinSeverityOf(Level.Trim());
            if (minSeverity is null)
            {
                errors.Add("level", $"'{Level}' is not a level; use one of {string.Join(", ", LogLevels.All.Select(l => l.Name))}.");
            }
        }

        var attributes = QueryParsing.Attributes(Attr, errors).ToList();
        if (!string.IsNullOrWhiteSpace(OrderId))
        {
            attributes.Add(new AttributeFilter(OrderIdAttribute, OrderId.Trim()));
        }

        LogCursor? cursor = null;
        if (!string.IsNullOrEmpty(After) && !LogCursor.TryParse(After, out cursor))
        {
            errors.Add("after", "after must be the nextCursor of a previous page.");
        }

        return new LogSearch
        {
            ServiceName = string.IsNullOrWhiteSpace(Service) ? null : Service.Trim(),
            MinSeverity = minSeverity,
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            TraceId = QueryParsing.HexId(TraceId, 16, "traceId", errors),
            SpanId = QueryParsing.HexId(SpanId, 8, "spanId", errors),
            Attributes = attributes,
            Start = start,
            End = end,
            Limit = QueryParsing.Limit(Limit, LogSearch.DefaultLimit, LogSearch.MaxLimit, errors),
            After = cursor,
        };
    }
}
