namespace Jewelry.CrmApi.Data;

/// <summary>A row of <see cref="StuckOrderQueries.FindStuckAsync"/>; property names are the query's column aliases.</summary>
public sealed record StuckOrderRow(Guid OrderId, string Status, DateTimeOffset Since, string? FailureReason, long ThresholdSeconds);
