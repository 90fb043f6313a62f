namespace Jewelry.ShopApi.Crm;

public sealed record PriceRequestOutcome(PriceRequestResult Result, int? StatusCode = null, string? Detail = null);
