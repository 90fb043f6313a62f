using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.SampleModels;

/// <summary>The models in samples/models: printable ones in both STL flavours, and one that must be refused.</summary>
public static class SampleModelSet
{
    public static IReadOnlyList<SampleModel> Create() =>
    [
        new("ring.stl", StlWriter.WriteBinary(MeshFactory.SampleRing(), "Jewelry sample: size-17 ring band"), "a ring band, binary STL"),
        new("pendant.stl", StlWriter.WriteBinary(MeshFactory.Pendant(), "Jewelry sample: pendant with bail"), "a pendant with a bail, binary STL"),
        new("cube-10mm.stl", StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10), "Jewelry sample: 10 mm cube"), "a 10 mm cube, exactly 1000 mm³"),
        new("ring-ascii.stl", Encoding.ASCII.GetBytes(StlWriter.WriteAscii(MeshFactory.SampleRing(), "sample-ring")), "the ring band, ASCII STL"),
        new("flat.stl", StlWriter.WriteBinary(MeshFactory.Box(20, 20, 0), "Jewelry sample: flat, encloses nothing"), "a flat square with no volume: refused"),
    ];
}
