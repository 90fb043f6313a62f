namespace Jewelry.Manufacturing.Geometry;

public readonly record struct BoundingBox(Point3 Min, Point3 Max)
{
    public double SizeX => Max.X - Min.X;

    public double SizeY => Max.Y - Min.Y;

    public double SizeZ => Max.Z - Min.Z;
}
