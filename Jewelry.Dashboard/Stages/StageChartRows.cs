namespace Jewelry.Dashboard.Stages;

/// <summary>Picks the chart rows out of a report: the statuses with measured stays, or the hops that took most time.</summary>
public static class StageChartRows
{
    /// <summary>More bars than this make the chart taller than a screen; the table lists every hop.</summary>
    public const int MaxHopRows = 25;

    public static IReadOnlyList<StageChartRow> For(StageStatisticsReport report, StageChartKind kind) => kind switch
    {
        StageChartKind.Status => report.Statuses
            .Where(s => s is { P50Ms: not null, P95Ms: not null, P99Ms: not null })
            .Select(s => new StageChartRow(s.Status, s.P50Ms!.Value, s.P95Ms!.Value, s.P99Ms!.Value))
            .ToList(),
        _ => report.Hops
            .Take(MaxHopRows)
            .Select(h => new StageChartRow($"{h.Service}: {h.Name}", h.P50Ms, h.P95Ms, h.P99Ms))
            .ToList(),
    };

    public static string Title(StageChartKind kind) => kind == StageChartKind.Status
        ? "Time in each status"
        : "Hop durations, most total time first";
}
