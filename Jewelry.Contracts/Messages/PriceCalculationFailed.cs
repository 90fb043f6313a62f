namespace Jewelry.Contracts.Messages;

/// <summary>MES -> CRM: the model could not be priced; <paramref name="Reason"/> is shown on the order.</summary>
public sealed record PriceCalculationFailed(Guid OrderId, string Reason);
