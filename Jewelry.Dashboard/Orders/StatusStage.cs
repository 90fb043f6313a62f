namespace Jewelry.Dashboard.Orders;

/// <summary>One status of the order lifecycle: who holds the order while it is in it, and when it counts as stuck.</summary>
public sealed class StatusStage
{
    /// <summary>The status as the services report it in <c>order.status.to</c>, e.g. <c>SUBMITTED</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The service expected to move the order on.</summary>
    public string Service { get; set; } = string.Empty;

    /// <summary>What the order waits for, in words a support engineer uses.</summary>
    public string Stage { get; set; } = string.Empty;

    /// <summary>How long the order may stay before it is listed as stuck; null for a final status.</summary>
    public TimeSpan? Threshold { get; set; }

    /// <summary>Where the order waits when the next step is a message: the queue it sits in.</summary>
    public string? Queue { get; set; }
}
