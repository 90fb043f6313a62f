using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Ingest;

/// <summary>
/// The bounded buffer between the OTLP endpoints and the batch writer. Bounded by records, not requests,
/// because one request may carry one span or thousands. It never blocks a caller: when full it refuses.
/// </summary>
public sealed class IngestBuffer(IOptions<IngestOptions> options, IngestCounters counters)
{
    private readonly Channel<TelemetryBatch> _channel = Channel.CreateUnbounded<TelemetryBatch>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly int _capacity = Math.Max(1, options.Value.QueueCapacity);
    private long _queuedRecords;

    public long QueuedRecords => Interlocked.Read(ref _queuedRecords);

    public int Capacity => _capacity;

    internal ChannelReader<TelemetryBatch> Reader => _channel.Reader;

    /// <summary>Queues the whole batch or none of it; a refusal is counted as rejected.</summary>
    public bool TryEnqueue(TelemetryBatch batch)
    {
        var count = batch.RecordCount;
        counters.For(batch.Signal).AddReceived(count);
        if (count == 0)
        {
            return true;
        }

        var queued = Interlocked.Add(ref _queuedRecords, count);
        // A single request larger than the whole queue still goes in when the queue is empty.
        var full = queued > _capacity && queued != count;
        if (full || !_channel.Writer.TryWrite(batch))
        {
            Interlocked.Add(ref _queuedRecords, -count);
            counters.Rejected(batch.Signal, count);
            return false;
        }

        return true;
    }

    /// <summary>Refuses everything from now on; what is queued can still be read.</summary>
    internal void Complete() => _channel.Writer.TryComplete();

    internal void Dequeued(int count) => Interlocked.Add(ref _queuedRecords, -count);
}
