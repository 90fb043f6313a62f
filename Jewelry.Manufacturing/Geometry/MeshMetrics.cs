namespace Jewelry.Manufacturing.Geometry;

/// <summary>What production needs to know about a model's geometry. Lengths in mm.</summary>
public sealed record MeshMetrics(
    double VolumeMm3,
    double SurfaceAreaMm2,
    BoundingBox BoundingBox,
    int TriangleCount);
