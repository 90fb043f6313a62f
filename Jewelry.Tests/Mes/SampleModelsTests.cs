using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.Tests.Mes;

/// <summary>The committed files in samples/models are what the documentation and MesApi.http promise.</summary>
[Trait("Category", "Unit")]
public sealed class SampleModelsTests
{
    private static byte[] Sample(string fileName)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "samples", "models", fileName);
            if (File.Exists(Path.Combine(folder.FullName, "Jewelry.sln")))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new InvalidOperationException("The repository root was not found above the test binaries.");
    }

    private static double Volume(string fileName) => MeshAnalyzer.Analyze(StlReader.Read(Sample(fileName))).VolumeMm3;

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
}
