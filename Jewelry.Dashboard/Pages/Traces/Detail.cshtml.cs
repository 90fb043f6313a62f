using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Pages.Presentation;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Traces;

/// <summary>
/// One trace: the waterfall and, for the selected span (<c>?span=</c>), its details and logs. Support users
/// see only the spans that carry an order id, and a forbidden page for a trace without any.
/// </summary>
public sealed class DetailModel(TraceQueries traces, LogQueries logs) : PageModel
{
    public TraceDetail? Trace { get; private set; }

    public IReadOnlyList<WaterfallRow> Rows { get; private set; } = [];

    public SpanPanel? Selected { get; private set; }

    /// <summary>The trace exists but has nothing the user's role may see.</summary>
    public string? ForbiddenDetail { get; private set; }

    [FromRoute(Name = "traceId")]
    public string TraceId { get; set; } = string.Empty;

    [FromQuery(Name = "span")]
    public string? SpanId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        Selected = await SpanPanelAsync(cancellationToken);
        return Page();
    }

    /// <summary>The span details alone, for the page's script to swap in without reloading the waterfall.</summary>
    public async Task<IActionResult> OnGetSpanAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return StatusCode(Response.StatusCode);
        }

        if (await SpanPanelAsync(cancellationToken) is not { } panel)
        {
            return NotFound();
        }

        return Partial("_SpanDetails", panel);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (TraceId.Length != 32 || !TraceId.All(char.IsAsciiHexDigit))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        var trace = await traces.GetAsync(Convert.FromHexString(TraceId), cancellationToken);
        if (trace is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Trace = TraceVisibility.For(User, trace);
        if (Trace is null)
        {
            ForbiddenDetail = TraceVisibility.ForbiddenDetail(trace.TraceId);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return false;
        }

        Rows = TraceWaterfall.Build(Trace);
        return true;
    }

    private async Task<SpanPanel?> SpanPanelAsync(CancellationToken cancellationToken)
    {
        var span = Trace!.Spans.FirstOrDefault(s => string.Equals(s.SpanId, SpanId, StringComparison.OrdinalIgnoreCase));
        if (span is null)
        {
            return null;
        }

        // Logs are developers' telemetry (support may not search them): a support user's span panel shows none.
        var spanLogs = User.SeesAllTelemetry()
            ? (await logs.SearchAsync(
                new LogSearch { TraceId = Convert.FromHexString(span.TraceId), SpanId = Convert.FromHexString(span.SpanId), Limit = 200 },
                cancellationToken)).Logs
            : [];
        Trace.Resources.TryGetValue(span.ResourceId, out var resource);
        return new SpanPanel(Trace, span, resource, spanLogs);
    }
}
