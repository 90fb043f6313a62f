namespace Jewelry.Dashboard.Alerts;

/// <summary>What a rule measures.</summary>
public enum AlertKind
{
    /// <summary>Orders past their status's threshold, per status.</summary>
    StuckOrders,

    /// <summary>Messages RabbitMQ confirmed that no consumer processed, per queue.</summary>
    LostMessages,

    /// <summary>Messages a consumer dead-lettered, per queue.</summary>
    DeadLettered,

    /// <summary>Failed spans over all spans of a status or a hop, in a window.</summary>
    ErrorRate,

    /// <summary>The 95th percentile of the time in a status or of a hop's duration, in a window.</summary>
    P95,
}
