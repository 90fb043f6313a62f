using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.SampleModels;

/// <summary>The models in samples/models: printable ones in both STL flavours, one the Shop refuses and one only the MES refuses.</summary>
public static class SampleModelSet
{
    public static IReadOnlyList<SampleModel> Create() =>
    [
        new("ring.stl", StlWriter.WriteBinary(MeshFactory.SampleRing(), "Jewelry sample: size-17 ring band"), "a ring band, binary STL"),
        new("pendant.stl", StlWriter.WriteBinary(MeshFactory.Pendant(), "Jewelry sample: pendant with bail"), "a pendant with a bail, binary STL"),
        new("cube-10mm.stl", StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10), "Jewelry sample: 10 mm cube"), "a 10 mm cube, exactly 1000 mm³"),
        new("ring-ascii.stl", Encoding.ASCII.GetBytes(StlWriter.WriteAscii(MeshFactory.SampleRing(), "sample-ring")), "the ring band, ASCII STL"),
        new("flat.stl", StlWriter.WriteBinary(MeshFactory.Box(20, 20, 0), "Jewelry sample: flat, encloses nothing"), "a flat square with no volume: the Shop refuses it"),
        new("tray-200mm.stl", StlWriter.WriteBinary(MeshFactory.Box(200, 160, 8), "Jewelry sample: 200 mm tray, too large to print"), "a 200 x 160 x 8 mm tray: the Shop accepts it, the MES's printer is too small"),
    ];
}
