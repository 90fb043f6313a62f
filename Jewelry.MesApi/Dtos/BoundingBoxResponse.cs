namespace Jewelry.MesApi.Dtos;

/// <summary>The model's size along each axis, in mm.</summary>
public sealed record BoundingBoxResponse(double X, double Y, double Z);
