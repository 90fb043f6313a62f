using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.MesApi.Pricing;
using Jewelry.Tests.Lifecycle;

namespace Jewelry.Tests.Mes;

/// <summary>The committed files in samples/models are what the documentation and MesApi.http promise.</summary>
[Trait("Category", "Unit")]
public sealed class SampleModelsTests
{
    private static double Volume(string fileName) => MeshAnalyzer.Analyze(StlReader.Read(SampleModelFiles.Read(fileName))).VolumeMm3;

    [Fact]
    public void The_cube_is_exactly_one_cubic_centimetre()
        => Assert.Equal(1000, Volume("cube-10mm.stl"));

    [Fact]
    public void Both_ring_files_hold_the_sample_ring()
    {
        var expected = MeshFactory.RingVolume(8.5, 10, 2, 64);

        Assert.Equal(expected, Volume("ring.stl"), 1e-3);
        Assert.Equal(expected, Volume("ring-ascii.stl"), 1e-9);
    }

    [Fact]
    public void The_pendant_is_a_printable_solid()
        => Assert.InRange(Volume("pendant.stl"), 600, 700);

    [Fact]
    public void The_flat_model_is_refused_for_having_no_volume()
        => Assert.Throws<InvalidModelException>(() => Volume("flat.stl"));

    [Fact]
    public void The_tray_is_a_solid_the_shop_accepts_but_larger_than_the_mes_printer()
    {
        var tray = MeshAnalyzer.Analyze(StlReader.Read(SampleModelFiles.Read("tray-200mm.stl")));

        Assert.True(tray.VolumeMm3 > 0);
        Assert.False(new MesOptions().BuildVolume.Fits(tray.BoundingBox));
    }
}
