using Jewelry.MesApi.Domain;

namespace Jewelry.MesApi.Dtos;

/// <summary>What was measured on the model.</summary>
public sealed record GeometryResponse(double VolumeMm3, double SurfaceAreaMm2, BoundingBoxResponse BoundingBoxMm, int TriangleCount)
{
    public static GeometryResponse? From(PriceCalculation calculation) =>
        calculation is { VolumeMm3: { } volume, SurfaceAreaMm2: { } area, TriangleCount: { } triangles }
            ? new GeometryResponse(
                volume,
                area,
                new BoundingBoxResponse(calculation.BoundingBoxXMm ?? 0, calculation.BoundingBoxYMm ?? 0, calculation.BoundingBoxZMm ?? 0),
                triangles)
            : null;
}
