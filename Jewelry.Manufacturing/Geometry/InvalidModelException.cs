namespace Jewelry.Manufacturing.Geometry;

/// <summary>The file is an STL file, but its mesh cannot be manufactured; the message says why.</summary>
public sealed class InvalidModelException(string reason) : Exception(reason);
