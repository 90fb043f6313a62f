namespace Jewelry.ShopApi.Dtos;

/// <summary>
/// A new order. Every field is optional to the JSON reader so that validation can name each
/// missing or invalid one at once.
/// </summary>
public sealed record CreateOrderRequest(string? CustomerId, string? ProductType, string? Material, string? Size, string? Notes);
