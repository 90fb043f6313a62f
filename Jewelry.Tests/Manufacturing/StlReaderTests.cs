using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.Tests.Manufacturing;

[Trait("Category", "Unit")]
public sealed class StlReaderTests
{
    [Fact]
    public void Binary_and_ascii_of_the_same_mesh_read_back_to_the_same_triangles()
    {
        var ring = MeshFactory.SampleRing();

        var fromBinary = StlReader.Read(StlWriter.WriteBinary(ring));
        var fromAscii = StlReader.Read(Encoding.ASCII.GetBytes(StlWriter.WriteAscii(ring)));

        Assert.Equal(ring.Triangles.Count, fromBinary.Triangles.Count);
        Assert.Equal(ring.Triangles.Count, fromAscii.Triangles.Count);
        for (var i = 0; i < ring.Triangles.Count; i++)
        {
            // Binary STL stores float32, so compare with float precision.
            Assert.Equal(ring.Triangles[i].A.X, fromBinary.Triangles[i].A.X, 1e-5);
            Assert.Equal(ring.Triangles[i].C.Z, fromAscii.Triangles[i].C.Z, 1e-12);
        }
    }

    [Fact]
    public void A_binary_file_whose_header_starts_with_solid_is_still_read_as_binary()
    {
        var box = MeshFactory.Box(1, 2, 3);
        var bytes = StlWriter.WriteBinary(box, header: "solid exported by a CAD tool");

        var mesh = StlReader.Read(bytes);

        Assert.Equal(box.Triangles.Count, mesh.Triangles.Count);
        Assert.Equal(6, MeshAnalyzer.Analyze(mesh).VolumeMm3, 1e-5);
    }

    [Fact]
    public void A_png_is_not_an_stl_file()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[200]];

        var error = Assert.Throws<StlFormatException>(() => StlReader.Read(png));

        Assert.Contains("neither binary STL", error.Message, StringComparison.Ordinal);
        Assert.False(StlReader.HasStlSignature(png));
    }

    [Fact]
    public void A_truncated_binary_file_is_refused()
    {
        var bytes = StlWriter.WriteBinary(MeshFactory.Box(1, 1, 1));

        Assert.Throws<StlFormatException>(() => StlReader.Read(bytes.AsSpan(0, bytes.Length - 7)));
    }

    [Fact]
    public void An_ascii_facet_with_a_missing_vertex_is_refused_with_the_counts()
    {
        const string text = "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nendloop\nendfacet\nendsolid x\n";

        var error = Assert.Throws<StlFormatException>(() => StlReader.Read(Encoding.ASCII.GetBytes(text)));

        Assert.Contains("1 facets but 2 vertices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ascii_vertex_that_is_not_a_number_is_refused()
    {
        const string text = "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 zero 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid x\n";

        var error = Assert.Throws<StlFormatException>(() => StlReader.Read(Encoding.ASCII.GetBytes(text)));

        Assert.Contains("'zero'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_token_is_quoted_only_in_part()
    {
        var token = new string('x', 100_000);
        var text = $"solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 {token} 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid x\n";

        var error = Assert.Throws<StlFormatException>(() => StlReader.Read(Encoding.ASCII.GetBytes(text)));

        Assert.Equal($"Vertex 2 has '{new string('x', 40)}…' where a number belongs.", error.Message);
    }

    [Fact]
    public void A_tiny_file_is_too_short()
    {
        var error = Assert.Throws<StlFormatException>(() => StlReader.Read("abc"u8));

        Assert.Contains("too short", error.Message, StringComparison.Ordinal);
    }
}
