namespace Jewelry.Dashboard.Orders.State;

/// <summary>
/// How long the state kept at ingest lives (<c>Dashboard:State</c>), apart from raw telemetry's retention: the order
/// state, status changes, messages, failures and hour and day rollups are kept <see cref="KeepFor"/> (30 days of stage
/// statistics while raw spans are kept 7); minute rollups <see cref="Stages.RollupTiers.MinuteTierKeptFor"/>.
/// </summary>
public sealed class StateRetentionOptions
{
    public const string SectionName = "Dashboard:State";

    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(31);

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
