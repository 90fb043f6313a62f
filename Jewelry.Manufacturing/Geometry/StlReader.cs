using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Jewelry.Manufacturing.Geometry;

/// <summary>Reads binary and ASCII STL. Units are taken as millimetres, as jewellery CAD exports them.</summary>
public static class StlReader
{
    private const int BinaryHeaderLength = 80;
    private const int BinaryPreambleLength = BinaryHeaderLength + sizeof(uint);
    private const int BinaryFacetLength = 50;

    public static Mesh Read(ReadOnlySpan<byte> content)
    {
        if (IsBinary(content))
        {
            return ReadBinary(content);
        }

        if (LooksLikeAscii(content))
        {
            return ReadAscii(Encoding.ASCII.GetString(content));
        }

        throw new StlFormatException(
            content.Length < BinaryPreambleLength
                ? $"The file is {content.Length} bytes long: too short for an STL file."
                : "The file is neither binary STL (80-byte header, facet count, 50 bytes a facet) nor ASCII STL (starting with 'solid').");
    }

    /// <summary>True when the bytes begin like an STL file; a cheap check before the whole file is read.</summary>
    public static bool HasStlSignature(ReadOnlySpan<byte> content) => IsBinary(content) || LooksLikeAscii(content);

    // Some exporters start binary headers with "solid" too, so the size rule decides first.
    private static bool IsBinary(ReadOnlySpan<byte> content)
    {
        if (content.Length < BinaryPreambleLength)
        {
            return false;
        }

        var facets = BinaryPrimitives.ReadUInt32LittleEndian(content[BinaryHeaderLength..]);
        return BinaryPreambleLength + (long)facets * BinaryFacetLength == content.Length;
    }

    private static bool LooksLikeAscii(ReadOnlySpan<byte> content)
    {
        var start = content[..Math.Min(content.Length, 512)];
        var text = Encoding.ASCII.GetString(start).TrimStart();
        return text.StartsWith("solid", StringComparison.OrdinalIgnoreCase) && !start.Contains((byte)0);
    }

    private static Mesh ReadBinary(ReadOnlySpan<byte> content)
    {
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(content[BinaryHeaderLength..]);
        var triangles = new Triangle[count];
        for (var i = 0; i < count; i++)
        {
            // Each facet: normal (ignored; recomputed from winding), three vertices, attribute bytes.
            var facet = content.Slice(BinaryPreambleLength + i * BinaryFacetLength, BinaryFacetLength);
            triangles[i] = new Triangle(ReadPoint(facet[12..]), ReadPoint(facet[24..]), ReadPoint(facet[36..]));
        }

        return new Mesh(triangles);
    }

    private static Point3 ReadPoint(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadSingleLittleEndian(bytes),
        BinaryPrimitives.ReadSingleLittleEndian(bytes[4..]),
        BinaryPrimitives.ReadSingleLittleEndian(bytes[8..]));

    private static Mesh ReadAscii(string text)
    {
        var tokens = text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var vertices = new List<Point3>();
        var facets = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Equals("facet", StringComparison.OrdinalIgnoreCase))
            {
                facets++;
            }
            else if (tokens[i].Equals("vertex", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 3 >= tokens.Length)
                {
                    throw new StlFormatException($"Vertex {vertices.Count + 1} is cut off at the end of the file.");
                }

                vertices.Add(new Point3(
                    ParseCoordinate(tokens[i + 1], vertices.Count),
                    ParseCoordinate(tokens[i + 2], vertices.Count),
                    ParseCoordinate(tokens[i + 3], vertices.Count)));
                i += 3;
            }
        }

        if (vertices.Count != facets * 3)
        {
            throw new StlFormatException(
                $"The ASCII STL has {facets} facets but {vertices.Count} vertices; each facet needs exactly three.");
        }

        var triangles = new Triangle[facets];
        for (var f = 0; f < facets; f++)
        {
            triangles[f] = new Triangle(vertices[3 * f], vertices[3 * f + 1], vertices[3 * f + 2]);
        }

        return new Mesh(triangles);
    }

    private static double ParseCoordinate(string token, int vertexIndex) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StlFormatException($"Vertex {vertexIndex + 1} has '{Excerpt(token)}' where a number belongs.");

    // The token comes from the customer's file and the reason travels to spans, messages and answers: keep it short.
    private static string Excerpt(string token) => token.Length <= 40 ? token : token[..40] + "…";
}
