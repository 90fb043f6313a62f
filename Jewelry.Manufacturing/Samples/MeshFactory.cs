using Jewelry.Manufacturing.Geometry;

namespace Jewelry.Manufacturing.Samples;

/// <summary>
/// Builds closed, outward-facing meshes whose volume is known in closed form, for sample models and tests.
/// </summary>
public static class MeshFactory
{
    /// <summary>A box with one corner at the origin. Volume: x·y·z.</summary>
    public static Mesh Box(double x, double y, double z) =>
        Prism([new(0, 0), new(x, 0), new(x, y), new(0, y)], 0, z);

    /// <summary>
    /// A ring band: a regular <paramref name="segments"/>-gon annulus extruded along Z.
    /// Volume: height · (segments/2) · sin(2π/segments) · (outer² − inner²).
    /// </summary>
    public static Mesh Ring(double innerRadius, double outerRadius, double height, int segments)
    {
        var outer = RegularPolygon(outerRadius, segments);
        var inner = RegularPolygon(innerRadius, segments);
        var triangles = new List<Triangle>(segments * 8);
        for (var i = 0; i < segments; i++)
        {
            var j = (i + 1) % segments;
            Point3 o0 = At(outer[i], 0), o1 = At(outer[j], 0), o0Top = At(outer[i], height), o1Top = At(outer[j], height);
            Point3 i0 = At(inner[i], 0), i1 = At(inner[j], 0), i0Top = At(inner[i], height), i1Top = At(inner[j], height);
            triangles.Add(new(o0Top, o1Top, i1Top));
            triangles.Add(new(o0Top, i1Top, i0Top));
            triangles.Add(new(o0, i1, o1));
            triangles.Add(new(o0, i0, i1));
            triangles.Add(new(o0, o1, o1Top));
            triangles.Add(new(o0, o1Top, o0Top));
            triangles.Add(new(i0, i1Top, i1));
            triangles.Add(new(i0, i0Top, i1Top));
        }

        return new Mesh(triangles);
    }

    /// <summary>Volume of <see cref="Ring"/> with the same arguments.</summary>
    public static double RingVolume(double innerRadius, double outerRadius, double height, int segments) =>
        height * segments / 2.0 * Math.Sin(2 * Math.PI / segments) * (outerRadius * outerRadius - innerRadius * innerRadius);

    /// <summary>A convex polygon (counter-clockwise seen from +Z) extruded from z0 to z1.</summary>
    public static Mesh Prism(IReadOnlyList<(double X, double Y)> polygon, double z0, double z1)
    {
        var cx = polygon.Average(p => p.X);
        var cy = polygon.Average(p => p.Y);
        Point3 bottomCentre = new(cx, cy, z0), topCentre = new(cx, cy, z1);
        var triangles = new List<Triangle>(polygon.Count * 4);
        for (var i = 0; i < polygon.Count; i++)
        {
            var j = (i + 1) % polygon.Count;
            Point3 a0 = At(polygon[i], z0), b0 = At(polygon[j], z0), a1 = At(polygon[i], z1), b1 = At(polygon[j], z1);
            triangles.Add(new(topCentre, a1, b1));
            triangles.Add(new(bottomCentre, b0, a0));
            triangles.Add(new(a0, b0, b1));
            triangles.Add(new(a0, b1, a1));
        }

        return new Mesh(triangles);
    }

    /// <summary>A pendant: a faceted disc with a bail (a small ring standing upright on its top edge).</summary>
    public static Mesh Pendant()
    {
        var disc = Prism(RegularPolygon(10, 48), 0, 2);
        // (x, y, z) -> (z, x, y) is a proper rotation: the bail's hole faces along X and it touches the disc's top vertex.
        var bail = Transform(Ring(1.5, 2.5, 1.2, 24), p => new Point3(p.Z - 0.6, p.X + 12.5, p.Y + 1));
        return new Mesh([.. disc.Triangles, .. bail.Triangles]);
    }

    /// <summary>A size-17 ring (17 mm inner diameter) band, 2 mm wide.</summary>
    public static Mesh SampleRing() => Ring(8.5, 10, 2, 64);

    /// <summary>Applies a rigid motion; callers must pass a proper rotation so facets keep facing outwards.</summary>
    public static Mesh Transform(Mesh mesh, Func<Point3, Point3> map) =>
        new([.. mesh.Triangles.Select(t => new Triangle(map(t.A), map(t.B), map(t.C)))]);

    private static List<(double X, double Y)> RegularPolygon(double radius, int segments) =>
        [.. Enumerable.Range(0, segments).Select(i => 2 * Math.PI * i / segments).Select(a => (radius * Math.Cos(a), radius * Math.Sin(a)))];

    private static Point3 At((double X, double Y) p, double z) => new(p.X, p.Y, z);
}
