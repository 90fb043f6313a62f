using System.ComponentModel;
using Jewelry.Dashboard.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Jewelry.Dashboard.Api;

/// <summary>The audit log search as query parameters, shared by <c>GET /api/audit</c> and the Audit page.</summary>
public sealed class AuditSearchParameters
{
    [FromQuery(Name = "user"), Description("Requests of this user name (exact).")]
    public string? User { get; set; }

    [FromQuery(Name = "from"), Description("Requests at or after this time (ISO 8601, UTC when no offset is given).")]
    public string? From { get; set; }

    [FromQuery(Name = "to"), Description("Requests at or before this time (ISO 8601).")]
    public string? To { get; set; }

    [FromQuery(Name = "limit"), Description("Entries per page, 1 to 1000 (default 100).")]
    public int? Limit { get; set; }

    [FromQuery(Name = "after"), Description("The nextCursor of the previous page.")]
    public string? After { get; set; }

    public AuditSearch ToSearch(QueryErrors errors)
    {
        var from = QueryParsing.Time(From, "from", errors);
        var to = QueryParsing.Time(To, "to", errors);
        if (from > to)
        {
            errors.Add("from", "from is after to.");
        }

        AuditCursor? cursor = null;
        if (!string.IsNullOrEmpty(After) && !AuditCursor.TryParse(After, out cursor))
        {
            errors.Add("after", "after must be the nextCursor of a previous page.");
        }

        return new AuditSearch
        {
            UserName = string.IsNullOrWhiteSpace(User) ? null : User.Trim(),
            From = from,
            To = to,
            Limit = QueryParsing.Limit(Limit, AuditSearch.DefaultLimit, AuditSearch.MaxLimit, errors),
            After = cursor,
        };
    }
}
