using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.Tests.Manufacturing;

[Trait("Category", "Unit")]
public sealed class MeshAnalyzerTests
{
    [Fact]
    public void A_box_has_its_exact_volume_area_and_bounds()
    {
        var metrics = MeshAnalyzer.Analyze(MeshFactory.Box(10, 20, 5));

        Assert.Equal(1000, metrics.VolumeMm3, 1e-9);
        Assert.Equal(2 * (10 * 20 + 20 * 5 + 10 * 5), metrics.SurfaceAreaMm2, 1e-9);
        Assert.Equal(new BoundingBox(new Point3(0, 0, 0), new Point3(10, 20, 5)), metrics.BoundingBox);
        Assert.Equal(16, metrics.TriangleCount); // a 4-sided prism fanned from its centre: 4 top, 4 bottom, 8 sides
    }

    [Fact]
    public void A_ring_has_the_volume_of_its_polygonal_annulus()
    {
        var metrics = MeshAnalyzer.Analyze(MeshFactory.Ring(8.5, 10, 2, 64));

        Assert.Equal(MeshFactory.RingVolume(8.5, 10, 2, 64), metrics.VolumeMm3, 1e-9);
        Assert.Equal(64 * 8, metrics.TriangleCount);
    }

    [Fact]
    public void An_inside_out_mesh_still_measures_its_real_volume()
    {
        var box = MeshFactory.Box(2, 3, 4);
        var insideOut = new Mesh([.. box.Triangles.Select(t => new Triangle(t.A, t.C, t.B))]);

        Assert.Equal(24, MeshAnalyzer.Analyze(insideOut).VolumeMm3, 1e-9);
    }

    [Fact]
    public void A_mesh_without_triangles_is_refused()
    {
        var error = Assert.Throws<InvalidModelException>(() => MeshAnalyzer.Analyze(new Mesh([])));

        Assert.Equal("The model has no triangles.", error.Message);
    }

    [Fact]
    public void A_flat_mesh_encloses_no_volume_and_is_refused()
    {
        Triangle flat = new(new(0, 0, 0), new(10, 0, 0), new(0, 10, 0));

        var error = Assert.Throws<InvalidModelException>(() => MeshAnalyzer.Analyze(new Mesh([flat, flat with { B = flat.C, C = flat.B }])));

        Assert.Contains("encloses no volume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coordinate_that_is_not_finite_is_refused_with_the_triangle_index()
    {
        var box = MeshFactory.Box(1, 1, 1).Triangles.ToList();
        box[3] = box[3] with { B = new Point3(double.NaN, 0, 0) };

        var error = Assert.Throws<InvalidModelException>(() => MeshAnalyzer.Analyze(new Mesh(box)));

        Assert.Contains("Triangle 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_pendant_is_the_disc_plus_the_bail()
    {
        var disc = 2 * 48 / 2.0 * Math.Sin(2 * Math.PI / 48) * 100;
        var bail = MeshFactory.RingVolume(1.5, 2.5, 1.2, 24);

        Assert.Equal(disc + bail, MeshAnalyzer.Analyze(MeshFactory.Pendant()).VolumeMm3, 1e-9);
    }
}
