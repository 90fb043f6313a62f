namespace Jewelry.Manufacturing.Geometry;

/// <summary>A triangle mesh as read from an STL file.</summary>
public sealed class Mesh(IReadOnlyList<Triangle> triangles)
{
    public IReadOnlyList<Triangle> Triangles { get; } = triangles;
}
