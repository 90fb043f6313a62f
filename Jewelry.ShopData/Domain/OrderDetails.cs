namespace Jewelry.ShopData.Domain;

/// <summary>What a customer chooses when ordering, already validated.</summary>
public sealed record OrderDetails(string CustomerId, string ProductType, string Material, string? Size, string? Notes);
