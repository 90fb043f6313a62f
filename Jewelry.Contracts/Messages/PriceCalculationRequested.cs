namespace Jewelry.Contracts.Messages;

/// <summary>CRM -> MES: price this order's model, which is stored under <paramref name="ModelKey"/> in bucket models.</summary>
public sealed record PriceCalculationRequested(Guid OrderId, string ModelKey, string Material, string ProductType);
