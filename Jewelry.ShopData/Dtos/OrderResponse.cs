namespace Jewelry.ShopData.Dtos;

/// <summary>An order as the Shop API and the CRM API return it; statuses by their wire names.</summary>
public sealed record OrderResponse(
    Guid Id,
    string CustomerId,
    string ProductType,
    string Material,
    string? Size,
    string? Notes,
    string Status,
    decimal? Price,
    string? Currency,
    string? FailureReason,
    string? TrackingNumber,
    OrderModelResponse? Model,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StatusChangedAt,
    IReadOnlyList<OrderHistoryEntryResponse> History);
