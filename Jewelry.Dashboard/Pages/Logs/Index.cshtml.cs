using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Logs;

/// <summary>Structured logs: the same search as <c>GET /api/logs</c>, with the filters in the URL.</summary>
[Authorize(Policy = DashboardPolicies.Developer)]
public sealed class IndexModel(LogQueries logs, ServiceQueries services, TimeProvider time) : PageModel
{
    public LogSearchParameters Filters { get; private set; } = new();

    public LogSearchResult? Result { get; private set; }

    public IReadOnlyList<string> Services { get; private set; } = [];

    public QueryErrors Errors { get; } = new();

    public async Task OnGetAsync([FromQuery] LogSearchParameters filters, CancellationToken cancellationToken)
    {
        Filters = filters;
        Services = await services.GetServiceNamesAsync(cancellationToken);
        var search = filters.ToSearch(time.GetUtcNow(), Errors);
        if (Errors.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Result = await logs.SearchAsync(search, cancellationToken);
    }

    public string NextPageUrl(string cursor)
    {
        var query = Request.Query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty)));
        return "/logs" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(query.Append(KeyValuePair.Create("after", cursor))).ToQueryString();
    }
}
