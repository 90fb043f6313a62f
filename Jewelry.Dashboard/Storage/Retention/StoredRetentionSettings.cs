namespace Jewelry.Dashboard.Storage.Retention;

/// <summary>Retention limits an admin set at runtime; they override <c>Dashboard:Retention</c>.</summary>
public sealed record StoredRetentionSettings(RetentionLimits Limits, DateTimeOffset UpdatedAt, string UpdatedBy);
