using System.Diagnostics.Metrics;

namespace Jewelry.Dashboard.Ingest;

/// <summary>
/// Counts every record from receipt to storage, so nothing is lost silently. Also published as
/// <c>System.Diagnostics.Metrics</c> instruments (meter <c>Jewelry.Dashboard.Ingest</c>) for dotnet-counters.
/// </summary>
public sealed class IngestCounters
{
    public const string MeterName = "Jewelry.Dashboard.Ingest";

    private readonly Counter<long> _droppedInstrument;

    public IngestCounters(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _droppedInstrument = meter.CreateCounter<long>("dashboard.ingest.dropped", "{record}", "Records refused or lost, by signal and reason.");
        meter.CreateObservableCounter("dashboard.ingest.written", () => new[]
        {
            new Measurement<long>(Traces.Written, new KeyValuePair<string, object?>("signal", "traces")),
            new Measurement<long>(Logs.Written, new KeyValuePair<string, object?>("signal", "logs")),
            new Measurement<long>(Metrics.Written, new KeyValuePair<string, object?>("signal", "metrics")),
        }, "{record}", "Records stored in the database.");
    }

    public SignalCounters Traces { get; } = new();

    public SignalCounters Logs { get; } = new();

    public SignalCounters Metrics { get; } = new();

    public SignalCounters For(TelemetrySignal signal) => signal switch
    {
        TelemetrySignal.Traces => Traces,
        TelemetrySignal.Logs => Logs,
        _ => Metrics,
    };

    public long TotalDropped =>
        Traces.Rejected + Traces.Invalid + Traces.Failed
        + Logs.Rejected + Logs.Invalid + Logs.Failed
        + Metrics.Rejected + Metrics.Invalid + Metrics.Failed;

    internal void Rejected(TelemetrySignal signal, long count) => Dropped(signal, count, "rejected", For(signal).AddRejected);

    internal void Invalid(TelemetrySignal signal, long count) => Dropped(signal, count, "invalid", For(signal).AddInvalid);

    internal void Failed(TelemetrySignal signal, long count) => Dropped(signal, count, "failed", For(signal).AddFailed);

    private void Dropped(TelemetrySignal signal, long count, string reason, Action<long> add)
    {
        if (count <= 0)
        {
            return;
        }

        add(count);
        _droppedInstrument.Add(
            count,
            new KeyValuePair<string, object?>("signal", signal.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("reason", reason));
    }
}
