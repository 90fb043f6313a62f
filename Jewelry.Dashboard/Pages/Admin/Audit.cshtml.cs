using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Admin;

/// <summary>The audit log, newest first: the same search as <c>GET /api/audit</c>, with the filters in the URL.</summary>
[Authorize(Policy = DashboardPolicies.Admin)]
public sealed class AuditModel(AuditLog log) : PageModel
{
    public AuditSearchParameters Filters { get; private set; } = new();

    public AuditSearchResult? Result { get; private set; }

    public QueryErrors Errors { get; } = new();

    public async Task OnGetAsync([FromQuery] AuditSearchParameters filters, CancellationToken cancellationToken)
    {
        Filters = filters;
        var search = filters.ToSearch(Errors);
        if (Errors.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Result = await log.SearchAsync(search, cancellationToken);
    }

    public string NextPageUrl(string cursor)
    {
        var query = Request.Query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty)));
        return "/admin/audit" + new QueryBuilder(query.Append(KeyValuePair.Create("after", cursor))).ToQueryString();
    }
}
