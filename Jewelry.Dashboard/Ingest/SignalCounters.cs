namespace Jewelry.Dashboard.Ingest;

/// <summary>Running totals for one signal. Every record received ends up counted as written, rejected, invalid or failed.</summary>
public sealed class SignalCounters
{
    private long _received;
    private long _written;
    private long _rejected;
    private long _invalid;
    private long _failed;

    /// <summary>Valid records of well-formed export requests, offered to the queue.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Records stored in the database.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records refused because the queue was full or the dashboard was stopping (the exporter was told to retry).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Records refused for invalid content, such as a trace id of the wrong length (reported as partial success).</summary>
    public long Invalid => Interlocked.Read(ref _invalid);

    /// <summary>Records accepted but lost: the database refused them or the dashboard stopped before writing them.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    internal void AddReceived(long count) => Interlocked.Add(ref _received, count);

    internal void AddWritten(long count) => Interlocked.Add(ref _written, count);

    internal void AddRejected(long count) => Interlocked.Add(ref _rejected, count);

    internal void AddInvalid(long count) => Interlocked.Add(ref _invalid, count);

    internal void AddFailed(long count) => Interlocked.Add(ref _failed, count);
}
