using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Broker;
using Jewelry.Dashboard.Orders.State;
using Jewelry.Dashboard.Stages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Pages.Stages;

/// <summary>Stage statistics: the same window and numbers as <c>GET /api/stages</c>, with both charts rendered on the server.</summary>
public sealed class IndexModel(StageStatisticsQueries queries, QueueMetricsQueries queues, IOptions<StateRetentionOptions> state, TimeProvider time) : PageModel
{
    public StageWindowParameters Parameters { get; private set; } = new();

    public StageStatisticsReport? Report { get; private set; }

    /// <summary>RabbitMQ's queues as last read from its management API: messages waiting, unacknowledged, consumers.</summary>
    public IReadOnlyList<QueueDepth> Queues { get; private set; } = [];

    public string StatusChart { get; private set; } = string.Empty;

    public string HopChart { get; private set; } = string.Empty;

    public QueryErrors Errors { get; } = new();

    /// <summary>The picker choice in effect, or null when the URL names the window with from and to.</summary>
    public string? SelectedWindow => string.IsNullOrWhiteSpace(Parameters.From) && string.IsNullOrWhiteSpace(Parameters.To)
        ? Parameters.Window?.Trim() ?? StageWindowParameters.DefaultWindow
        : null;

    public async Task OnGetAsync([FromQuery] StageWindowParameters parameters, CancellationToken cancellationToken)
    {
        Parameters = parameters;
        var window = parameters.ToWindow(time.GetUtcNow(), state.Value.KeepFor, Errors);
        if (window is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Report = await queries.GetAsync(window, cancellationToken);
        Queues = await queues.LatestAsync(cancellationToken);
        StatusChart = StageChart.Render(StageChartRows.Title(StageChartKind.Status), StageChartRows.For(Report, StageChartKind.Status));
        HopChart = StageChart.Render(StageChartRows.Title(StageChartKind.Hop), StageChartRows.For(Report, StageChartKind.Hop));
    }

    public static string OrderUrl(string orderId) => "/orders/" + Uri.EscapeDataString(orderId);

    public static string Percent(double rate) => rate.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);
}
