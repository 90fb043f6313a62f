namespace Jewelry.CrmApi.Dtos;

/// <summary>The price calculation is queued for the MES; <see cref="AlreadyRequested"/> when an earlier call queued it.</summary>
public sealed record PriceRequestResponse(Guid OrderId, DateTimeOffset RequestedAt, bool AlreadyRequested);
