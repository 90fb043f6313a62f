namespace Jewelry.CrmApi.Dtos;

/// <summary>An order that has stayed in <see cref="Status"/> since <see cref="Since"/>, longer than that status's threshold.</summary>
public sealed record StuckOrderResponse(
    Guid OrderId,
    string Status,
    DateTimeOffset Since,
    long StuckForSeconds,
    long ThresholdSeconds,
    string? FailureReason);
