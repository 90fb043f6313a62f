namespace Jewelry.MesApi.Dtos;

/// <summary>The carrier's tracking number: 1–64 letters, digits and hyphens.</summary>
public sealed record ShipRequest(string? TrackingNumber);
