namespace Jewelry.Dashboard.Ingest.Records;

/// <summary>
/// One data point of a metric. Gauges and sums keep their number in <see cref="Value"/>; histograms and
/// summaries keep count and sum there and their buckets or quantiles in <see cref="DataJson"/>.
/// </summary>
public sealed record MetricPointRecord
{
    public long TimeUnixNano { get; init; }

    public long StartTimeUnixNano { get; init; }

    public required ResourceRecord Resource { get; init; }

    public required ScopeRecord Scope { get; init; }

    public required string MetricName { get; init; }

    public string? Description { get; init; }

    public string? Unit { get; init; }

    public MetricType Type { get; init; }

    public short Temporality { get; init; }

    public bool IsMonotonic { get; init; }

    public required string AttributesJson { get; init; }

    public double? Value { get; init; }

    public long? Count { get; init; }

    public string? DataJson { get; init; }

    public int Flags { get; init; }
}
