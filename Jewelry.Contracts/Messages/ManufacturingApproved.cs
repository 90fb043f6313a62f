namespace Jewelry.Contracts.Messages;

/// <summary>CRM -> MES: an operator approved the priced order; production may start.</summary>
public sealed record ManufacturingApproved(Guid OrderId, string ModelKey, string Material, string ProductType);
