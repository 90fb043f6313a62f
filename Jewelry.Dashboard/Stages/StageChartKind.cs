namespace Jewelry.Dashboard.Stages;

/// <summary>What a stage chart shows: time in each status, or the duration of each hop.</summary>
public enum StageChartKind
{
    Status,
    Hop,
}
