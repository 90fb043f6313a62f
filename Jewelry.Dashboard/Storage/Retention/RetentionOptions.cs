namespace Jewelry.Dashboard.Storage.Retention;

/// <summary><c>Dashboard:Retention</c>: telemetry is removed when older than <see cref="MaxAge"/> or beyond the size limits.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Dashboard:Retention";

    /// <summary>Keep telemetry this long (a TimeSpan, e.g. <c>7.00:00:00</c>). Null keeps it regardless of age.</summary>
    public TimeSpan? MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most spans kept; the oldest traces go first, whole. Null: no limit.</summary>
    public long? MaxSpans { get; set; } = 10_000_000;

    /// <summary>Most log records kept; the oldest go first. Null: no limit.</summary>
    public long? MaxLogRecords { get; set; } = 10_000_000;

    /// <summary>Most metric points kept; the oldest go first. Null: no limit.</summary>
    public long? MaxMetricPoints { get; set; } = 10_000_000;

    /// <summary>
    /// Keep audit entries this long. Set only here, never by the admin settings: an admin must not be able to shorten
    /// the record of what admins did. Null keeps them forever.
    /// </summary>
    public TimeSpan? MaxAuditAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often retention runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
