namespace Jewelry.Dashboard.Ingest;

/// <summary><c>Dashboard:Ingest</c>: how much the dashboard buffers between the exporters and the database.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Dashboard:Ingest";

    /// <summary>Spans, log records and metric points held in memory; requests beyond it are refused and counted.</summary>
    public int QueueCapacity { get; set; } = 200_000;

    /// <summary>Most records written in one database transaction.</summary>
    public int MaxBatchSize { get; set; } = 5_000;
}
