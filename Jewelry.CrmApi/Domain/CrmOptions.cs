namespace Jewelry.CrmApi.Domain;

/// <summary>The CRM API's settings, bound from <c>Crm</c>.</summary>
public sealed class CrmOptions
{
    public const string SectionName = "Crm";

    /// <summary>
    /// <c>Crm:StuckThresholds:{STATUS}</c> (a TimeSpan such as <c>00:10:00</c>): how long an order may stay in a
    /// status before it counts as stuck. Overrides <see cref="StuckThresholds.Defaults"/> status by status.
    /// </summary>
    public Dictionary<string, TimeSpan> StuckThresholds { get; } = new(StringComparer.OrdinalIgnoreCase);
}
