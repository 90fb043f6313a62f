using Jewelry.Dashboard.Ingest.Records;

namespace Jewelry.Dashboard.Ingest;

/// <summary>What one OTLP export request decoded to: the unit the queue accepts or refuses as a whole.</summary>
public sealed class TelemetryBatch
{
    public TelemetryBatch(TelemetrySignal signal)
    {
        Signal = signal;
    }

    public TelemetrySignal Signal { get; }

    public List<SpanRecord> Spans { get; } = [];

    public List<LogEntryRecord> Logs { get; } = [];

    public List<MetricPointRecord> MetricPoints { get; } = [];

    public int RecordCount => Spans.Count + Logs.Count + MetricPoints.Count;

    public IEnumerable<ResourceRecord> Resources =>
        Spans.Select(s => s.Resource)
            .Concat(Logs.Select(l => l.Resource))
            .Concat(MetricPoints.Select(m => m.Resource));

    /// <summary>Two halves, used to isolate a record the database refuses without losing the rest.</summary>
    public (TelemetryBatch First, TelemetryBatch Second) Split()
    {
        var first = new TelemetryBatch(Signal);
        var second = new TelemetryBatch(Signal);
        first.Spans.AddRange(Spans.Take(Spans.Count / 2));
        second.Spans.AddRange(Spans.Skip(Spans.Count / 2));
        first.Logs.AddRange(Logs.Take(Logs.Count / 2));
        second.Logs.AddRange(Logs.Skip(Logs.Count / 2));
        first.MetricPoints.AddRange(MetricPoints.Take(MetricPoints.Count / 2));
        second.MetricPoints.AddRange(MetricPoints.Skip(MetricPoints.Count / 2));
        return (first, second);
    }
}
