using Jewelry.ShopApi.Models;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class ModelFileNamesTests
{
    [Theory]
    [InlineData("ring.stl", "ring.stl")]
    [InlineData("C:\\Users\\anna\\Desktop\\ring.stl", "ring.stl")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("ring<1>&\"x\".stl", "ring_1___x_.stl")]
    [InlineData("кольцо v2.stl", "кольцо v2.stl")]
    [InlineData("..hidden.stl", "hidden.stl")]
    [InlineData("bad\u0000name\r\n.stl", "bad_name__.stl")]
    public void Paths_and_unsafe_characters_are_removed(string fileName, string expected)
        => Assert.Equal(expected, ModelFileNames.Sanitize(fileName));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("folder/")]
    [InlineData("...")]
    public void Nothing_usable_becomes_the_default(string? fileName)
        => Assert.Equal(ModelFileNames.Default, ModelFileNames.Sanitize(fileName));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = ModelFileNames.Sanitize(new string('a', 300) + ".stl");

        Assert.Equal(ModelFileNames.MaxLength, name.Length);
        Assert.EndsWith(".stl", name, StringComparison.Ordinal);
    }
}
