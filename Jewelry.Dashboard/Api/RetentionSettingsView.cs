using Jewelry.Dashboard.Storage.Retention;

namespace Jewelry.Dashboard.Api;

/// <summary>The retention limits in force, where they come from, and the configured ones they override.</summary>
public sealed record RetentionSettingsView(
    TimeSpan? MaxAge,
    long? MaxSpans,
    long? MaxLogRecords,
    long? MaxMetricPoints,
    string Source,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    RetentionLimits Configured,
    TimeSpan Interval)
{
    public const string FromConfiguration = "configuration";
    public const string FromSettings = "settings";

    public static RetentionSettingsView Create(StoredRetentionSettings? stored, RetentionOptions options)
    {
        var configured = RetentionLimits.From(options);
        var limits = stored?.Limits ?? configured;
        return new RetentionSettingsView(
            limits.MaxAge,
            limits.MaxSpans,
            limits.MaxLogRecords,
            limits.MaxMetricPoints,
            stored is null ? FromConfiguration : FromSettings,
            stored?.UpdatedAt,
            stored?.UpdatedBy,
            configured,
            options.Interval);
    }

    public RetentionLimits Limits => new(MaxAge, MaxSpans, MaxLogRecords, MaxMetricPoints);
}
