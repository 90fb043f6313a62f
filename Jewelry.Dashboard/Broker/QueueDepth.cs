namespace Jewelry.Dashboard.Broker;

/// <summary>A queue's latest stored figures: messages waiting (ready), delivered but not acknowledged, and consumers.</summary>
public sealed record QueueDepth(string Queue, string Vhost, long Ready, long Unacknowledged, long Consumers, DateTimeOffset At)
{
    public long Messages => Ready + Unacknowledged;
}
