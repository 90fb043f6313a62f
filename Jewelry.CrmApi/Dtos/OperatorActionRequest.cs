namespace Jewelry.CrmApi.Dtos;

/// <summary>The optional body of an operator's action: who did it, as an opaque id.</summary>
public sealed record OperatorActionRequest(string? OperatorId);
