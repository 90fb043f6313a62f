using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

/// <summary>The committed STL files in samples/models, the ones the README tells a new user to upload.</summary>
public static class SampleModelFiles
{
    public static byte[] Read(string fileName) => File.ReadAllBytes(TestRepository.PathOf("samples", "models", fileName));
}
