namespace Jewelry.Dashboard.Stages;

/// <summary>One bar group of the stage chart: a stage and its duration percentiles in milliseconds.</summary>
public sealed record StageChartRow(string Label, double P50Ms, double P95Ms, double P99Ms);
