using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Traces;

/// <summary>The trace list: the same search as <c>GET /api/traces</c>, with the filters in the URL.</summary>
[Authorize(Policy = DashboardPolicies.Developer)]
public sealed class IndexModel(TraceQueries traces, ServiceQueries services, TimeProvider time) : PageModel
{
    public TraceSearchParameters Filters { get; private set; } = new();

    public TraceSearchResult? Result { get; private set; }

    public IReadOnlyList<string> Services { get; private set; } = [];

    public QueryErrors Errors { get; } = new();

    public async Task OnGetAsync([FromQuery] TraceSearchParameters filters, CancellationToken cancellationToken)
    {
        Filters = filters;
        Services = await services.GetServiceNamesAsync(cancellationToken);
        var search = filters.ToSearch(time.GetUtcNow(), Errors);
        if (Errors.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Result = await traces.SearchAsync(search, cancellationToken);
    }

    /// <summary>This page's URL with its filters, continued after <paramref name="cursor"/>.</summary>
    public string NextPageUrl(string cursor)
    {
        var query = Request.Query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty)));
        return "/traces" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(query.Append(KeyValuePair.Create("after", cursor))).ToQueryString();
    }
}
