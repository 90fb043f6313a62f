namespace Jewelry.Manufacturing.Geometry;

/// <summary>Computes a mesh's metrics and refuses meshes that cannot be priced or printed.</summary>
public static class MeshAnalyzer
{
    /// <summary>Below this a mesh encloses nothing printable (0.001 mm³ is a cube 0.1 mm on a side).</summary>
    public const double MinimumVolumeMm3 = 0.001;

    public static MeshMetrics Analyze(Mesh mesh)
    {
        if (mesh.Triangles.Count == 0)
        {
            throw new InvalidModelException("The model has no triangles.");
        }

        double signedVolume = 0, area = 0;
        double minX = double.MaxValue, minY = double.MaxValue, minZ = double.MaxValue;
        double maxX = double.MinValue, maxY = double.MinValue, maxZ = double.MinValue;
        for (var i = 0; i < mesh.Triangles.Count; i++)
        {
            var triangle = mesh.Triangles[i];
            if (!triangle.IsFinite)
            {
                throw new InvalidModelException($"Triangle {i} has a coordinate that is not a finite number.");
            }

            signedVolume += triangle.SignedVolume;
            area += triangle.Area;
            foreach (var p in (ReadOnlySpan<Point3>)[triangle.A, triangle.B, triangle.C])
            {
                minX = Math.Min(minX, p.X);
                minY = Math.Min(minY, p.Y);
                minZ = Math.Min(minZ, p.Z);
                maxX = Math.Max(maxX, p.X);
                maxY = Math.Max(maxY, p.Y);
                maxZ = Math.Max(maxZ, p.Z);
            }
        }

        // A mesh whose facets all face inwards has negative signed volume; its size is still real.
        var volume = Math.Abs(signedVolume);
        if (!double.IsFinite(volume) || !double.IsFinite(area))
        {
            throw new InvalidModelException("The model's volume or surface area is not a finite number.");
        }

        if (volume < MinimumVolumeMm3)
        {
            throw new InvalidModelException(
                $"The model encloses no volume ({volume:0.######} mm³); it must be a closed solid.");
        }

        return new MeshMetrics(
            volume,
            area,
            new BoundingBox(new Point3(minX, minY, minZ), new Point3(maxX, maxY, maxZ)),
            mesh.Triangles.Count);
    }
}
