namespace Jewelry.Manufacturing.Geometry;

/// <summary>One facet of a mesh; vertex order gives the outward side (right-hand rule).</summary>
public readonly record struct Triangle(Point3 A, Point3 B, Point3 C)
{
    public double Area => Point3.Cross(B - A, C - A).Length / 2;

    /// <summary>Volume of the tetrahedron formed with the origin, signed by facet orientation.</summary>
    public double SignedVolume => Point3.Dot(A, Point3.Cross(B, C)) / 6;

    public bool IsFinite => A.IsFinite && B.IsFinite && C.IsFinite;
}
