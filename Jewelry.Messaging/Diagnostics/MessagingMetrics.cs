using System.Diagnostics.Metrics;

namespace Jewelry.Messaging.Diagnostics;

/// <summary>Counters that make every message's fate visible: published, consumed, retried, dead-lettered.</summary>
public sealed class MessagingMetrics : IDisposable
{
    public const string MeterName = "Jewelry.Messaging";

    private readonly Meter _meter;
    private long _outboxBacklog;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Published = _meter.CreateCounter<long>("jewelry.messaging.published", "{message}", "Messages the broker confirmed.");
        PublishFailed = _meter.CreateCounter<long>("jewelry.messaging.publish_failed", "{message}", "Publishes the broker refused, returned or never confirmed; the outbox retries them.");
        Consumed = _meter.CreateCounter<long>("jewelry.messaging.consumed", "{message}", "Messages processed and acknowledged.");
        Duplicates = _meter.CreateCounter<long>("jewelry.messaging.duplicates", "{message}", "Redelivered messages the inbox had already processed.");
        Retried = _meter.CreateCounter<long>("jewelry.messaging.retried", "{attempt}", "Failed processing attempts that were retried.");
        DeadLettered = _meter.CreateCounter<long>("jewelry.messaging.dead_lettered", "{message}", "Messages moved to a dead-letter queue.");
        _meter.CreateObservableGauge("jewelry.messaging.outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), "{message}", "Outbox rows not yet confirmed by the broker.");
    }

    public Counter<long> Published { get; }

    public Counter<long> PublishFailed { get; }

    public Counter<long> Consumed { get; }

    public Counter<long> Duplicates { get; }

    public Counter<long> Retried { get; }

    public Counter<long> DeadLettered { get; }

    public void ReportOutboxBacklog(long count) => Interlocked.Exchange(ref _outboxBacklog, count);

    public void Dispose() => _meter.Dispose();
}
