using System.Diagnostics.Metrics;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Meter <c>Jewelry.Dashboard.Archive</c>: objects written, failures that kept data in the store, records a size limit
/// deleted unarchived past its margin, corrupt objects skipped.
/// </summary>
public sealed class ArchiveCounters
{
    public const string MeterName = "Jewelry.Dashboard.Archive";

    private readonly Counter<long> _written;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _corrupt;
    private readonly Counter<long> _unarchived;
    private long _failureCount;
    private long _writtenCount;
    private long _unarchivedCount;

    public ArchiveCounters(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _written = meter.CreateCounter<long>("dashboard.archive.objects_written", "{object}", "Archive objects written to S3.");
        _failures = meter.CreateCounter<long>("dashboard.archive.failures", "{failure}", "Hours that could not be archived; their telemetry was kept.");
        _unarchived = meter.CreateCounter<long>(
            "dashboard.archive.deleted_unarchived", "{record}", "Spans, log records or metric points a size limit deleted without archiving them, because S3 did not take them and the store was past the limit's margin.");
        _corrupt = meter.CreateCounter<long>("dashboard.archive.import.corrupt", "{object}", "Archive objects skipped on import because they could not be read.");
    }

    public long Failures => Interlocked.Read(ref _failureCount);

    public long Written => Interlocked.Read(ref _writtenCount);

    public long Unarchived => Interlocked.Read(ref _unarchivedCount);

    public void ObjectWritten(ArchiveSignal signal)
    {
        Interlocked.Increment(ref _writtenCount);
        _written.Add(1, new KeyValuePair<string, object?>("signal", signal.ToString()));
    }

    public void Failed(ArchiveSignal signal)
    {
        Interlocked.Increment(ref _failureCount);
        _failures.Add(1, new KeyValuePair<string, object?>("signal", signal.ToString()));
    }

    public void DeletedUnarchived(ArchiveSignal signal, long records)
    {
        Interlocked.Add(ref _unarchivedCount, records);
        _unarchived.Add(records, new KeyValuePair<string, object?>("signal", signal.ToString()));
    }

    public void Corrupt(ArchiveSignal signal) => _corrupt.Add(1, new KeyValuePair<string, object?>("signal", signal.ToString()));
}
