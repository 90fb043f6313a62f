namespace Jewelry.Contracts.Messages;

/// <summary>MES -> CRM: the model's geometry and the price that follows from it.</summary>
public sealed record PriceCalculated(
    Guid OrderId,
    decimal Price,
    string Currency,
    double VolumeMm3,
    double SurfaceAreaMm2,
    int TriangleCount,
    double MetalMassGrams);
