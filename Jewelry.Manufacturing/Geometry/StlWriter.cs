using System.Buffers.Binary;
using System.Text;

namespace Jewelry.Manufacturing.Geometry;

/// <summary>Writes binary STL; the sample models and tests are made with it.</summary>
public static class StlWriter
{
    public static byte[] WriteBinary(Mesh mesh, string header = "Jewelry sample model")
    {
        var bytes = new byte[84 + 50 * mesh.Triangles.Count];
        Encoding.ASCII.GetBytes(header.Length > 80 ? header[..80] : header, bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(80), (uint)mesh.Triangles.Count);
        for (var i = 0; i < mesh.Triangles.Count; i++)
        {
            var facet = bytes.AsSpan(84 + 50 * i, 50);
            var t = mesh.Triangles[i];
            var normal = Point3.Cross(t.B - t.A, t.C - t.A);
            var length = normal.Length;
            WritePoint(facet, length > 0 ? new Point3(normal.X / length, normal.Y / length, normal.Z / length) : normal);
            WritePoint(facet[12..], t.A);
            WritePoint(facet[24..], t.B);
            WritePoint(facet[36..], t.C);
        }

        return bytes;
    }

    public static string WriteAscii(Mesh mesh, string name = "jewelry")
    {
        var text = new StringBuilder().Append("solid ").AppendLine(name);
        foreach (var t in mesh.Triangles)
        {
            var n = Point3.Cross(t.B - t.A, t.C - t.A);
            text.AppendLine(FormattableString.Invariant($"  facet normal {n.X:R} {n.Y:R} {n.Z:R}"))
                .AppendLine("    outer loop");
            foreach (var p in (ReadOnlySpan<Point3>)[t.A, t.B, t.C])
            {
                text.AppendLine(FormattableString.Invariant($"      vertex {p.X:R} {p.Y:R} {p.Z:R}"));
            }

            text.AppendLine("    endloop").AppendLine("  endfacet");
        }

        return text.Append("endsolid ").AppendLine(name).ToString();
    }

    private static void WritePoint(Span<byte> bytes, Point3 p)
    {
        BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)p.X);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[4..], (float)p.Y);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[8..], (float)p.Z);
    }
}
