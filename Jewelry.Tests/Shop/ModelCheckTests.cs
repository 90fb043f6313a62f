using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.ShopApi.Models;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class ModelCheckTests
{
    [Fact]
    public void A_closed_binary_mesh_is_printable()
    {
        var check = ModelCheck.Of(StlWriter.WriteBinary(MeshFactory.SampleRing()));

        Assert.Equal(ModelCheckOutcome.Printable, check.Outcome);
        Assert.NotNull(check.Metrics);
    }

    [Fact]
    public void A_closed_ascii_mesh_is_printable()
        => Assert.Equal(ModelCheckOutcome.Printable, ModelCheck.Of(Encoding.ASCII.GetBytes(StlWriter.WriteAscii(MeshFactory.Box(5, 5, 5)))).Outcome);

    [Theory]
    [InlineData("%PDF-1.7 this is a document")]
    [InlineData("")]
    public void Bytes_that_are_not_stl_are_refused_with_the_reason(string content)
    {
        var check = ModelCheck.Of(Encoding.ASCII.GetBytes(content));

        Assert.Equal(ModelCheckOutcome.NotStl, check.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(check.Reason));
    }

    [Fact]
    public void A_truncated_binary_file_is_not_stl()
    {
        var bytes = StlWriter.WriteBinary(MeshFactory.SampleRing());

        Assert.Equal(ModelCheckOutcome.NotStl, ModelCheck.Of(bytes.AsSpan(0, bytes.Length - 7)).Outcome);
    }

    [Fact]
    public void Stl_that_encloses_nothing_is_not_printable()
    {
        var flat = MeshFactory.Box(5, 5, 0);

        var check = ModelCheck.Of(StlWriter.WriteBinary(flat));

        Assert.Equal(ModelCheckOutcome.NotPrintable, check.Outcome);
        Assert.Contains("volume", check.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Stl_without_triangles_is_not_printable()
        => Assert.Equal(ModelCheckOutcome.NotPrintable, ModelCheck.Of(Encoding.ASCII.GetBytes("solid empty\nendsolid empty\n")).Outcome);
}
