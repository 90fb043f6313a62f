namespace Jewelry.Manufacturing.Geometry;

/// <summary>The bytes are not a readable STL file (binary or ASCII); the message says what is wrong.</summary>
public sealed class StlFormatException(string reason) : Exception(reason);
