namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// One rule of <c>Dashboard:Alerts:Rules</c>. Which settings apply depends on <see cref="Kind"/>; each alert it raises is one
/// status, queue, stage or hop, so one rule can fire for several of them at once.
/// </summary>
public sealed class AlertRuleOptions
{
    /// <summary>One of <see cref="AlertKinds"/>: <c>StuckOrders</c>, <c>LostMessages</c>, <c>DeadLettered</c>, <c>ErrorRate</c>, <c>P95</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;

    /// <summary><c>critical</c>, <c>warning</c> or <c>info</c>: the <c>severity</c> label.</summary>
    public string Severity { get; set; } = "warning";

    /// <summary>
    /// Fires above this: a count of orders or messages (StuckOrders, LostMessages, DeadLettered; 0 means "any"), or a
    /// percentage of failed spans (ErrorRate).
    /// </summary>
    public double Threshold { get; set; }

    /// <summary>P95: fires when the 95th percentile of the stage is longer than this.</summary>
    public TimeSpan? Latency { get; set; }

    /// <summary>DeadLettered, ErrorRate, P95: how far back the rule looks.</summary>
    public TimeSpan? Window { get; set; }

    /// <summary>LostMessages: a confirmed message not consumed after this (at least <c>Dashboard:Orders:LostMessageAfter</c>, its default).</summary>
    public TimeSpan? After { get; set; }

    /// <summary>ErrorRate, P95: <c>Status</c> (time in a status, failed transitions) or <c>Hop</c> (spans of one service and name).</summary>
    public string Target { get; set; } = AlertTargets.Status;

    /// <summary>Only this status (StuckOrders; ErrorRate and P95 of statuses).</summary>
    public string? Status { get; set; }

    /// <summary>Only this queue (LostMessages, DeadLettered).</summary>
    public string? Queue { get; set; }

    /// <summary>Only hops of this service (ErrorRate and P95 of hops).</summary>
    public string? Service { get; set; }

    /// <summary>Only hops with this span name (ErrorRate and P95 of hops).</summary>
    public string? Hop { get; set; }

    /// <summary>ErrorRate, P95: fewer spans or stays than this in the window are not judged (one failure of one is not a rate).</summary>
    public long MinCount { get; set; } = 1;
}
