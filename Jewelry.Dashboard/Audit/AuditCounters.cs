using System.Diagnostics.Metrics;

namespace Jewelry.Dashboard.Audit;

/// <summary>
/// Counts audit rows written and those that could not be written, so a gap in the audit log is never silent.
/// Also published as instruments of meter <c>Jewelry.Dashboard.Audit</c>.
/// </summary>
public sealed class AuditCounters
{
    public const string MeterName = "Jewelry.Dashboard.Audit";

    private readonly Counter<long> _failedInstrument;
    private readonly Lock _lock = new();
    private long _written;
    private long _failed;
    private DateTimeOffset? _lastFailure;
    private string? _lastError;

    public AuditCounters(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _failedInstrument = meter.CreateCounter<long>("dashboard.audit.write_failures", "{entry}", "Audit entries that could not be written.");
        meter.CreateObservableCounter("dashboard.audit.written", () => Interlocked.Read(ref _written), "{entry}", "Audit entries written.");
    }

    public AuditStatus Snapshot()
    {
        lock (_lock)
        {
            return new AuditStatus(Interlocked.Read(ref _written), _failed, _lastFailure, _lastError);
        }
    }

    internal void Written() => Interlocked.Increment(ref _written);

    internal void Failed(DateTimeOffset time, string error)
    {
        lock (_lock)
        {
            _failed++;
            _lastFailure = time;
            _lastError = error;
        }

        _failedInstrument.Add(1);
    }
}
