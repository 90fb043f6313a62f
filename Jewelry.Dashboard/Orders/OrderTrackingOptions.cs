namespace Jewelry.Dashboard.Orders;

/// <summary><c>Dashboard:Orders</c>: the lifecycle the journey and stuck pages read telemetry against.</summary>
public sealed class OrderTrackingOptions
{
    public const string SectionName = "Dashboard:Orders";

    /// <summary>The statuses in lifecycle order (the order they are listed in).</summary>
    public List<StatusStage> Statuses { get; set; } = [];

    /// <summary>A published, confirmed message with no processing span after this long counts as lost in RabbitMQ.</summary>
    public TimeSpan LostMessageAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How far back the stuck page and the stage statistics look.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Per-status overrides of <see cref="StatusStage.Threshold"/> by status name (<c>Dashboard:Orders:Thresholds:SUBMITTED</c>),
    /// so one threshold can be set from the environment without repeating the list.
    /// </summary>
    public Dictionary<string, TimeSpan> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Routing key to queue, for messages whose queue no consumer span has named yet.</summary>
    public Dictionary<string, string> Queues { get; set; } = new(StringComparer.Ordinal);

    public StatusStage? Find(string? status) =>
        status is null ? null : Statuses.FirstOrDefault(s => string.Equals(s.Name, status, StringComparison.OrdinalIgnoreCase));

    /// <summary>The position of a status in the lifecycle, or int.MaxValue for one the configuration does not know.</summary>
    public int IndexOf(string? status)
    {
        var index = Statuses.FindIndex(s => string.Equals(s.Name, status, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
