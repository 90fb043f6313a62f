using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>The 3D model every order uploads: the project's sample ring as binary STL, made once.</summary>
public static class SampleModel
{
    public const string FileName = "ring.stl";

    public static ReadOnlyMemory<byte> Stl { get; } = StlWriter.WriteBinary(MeshFactory.SampleRing());
}
