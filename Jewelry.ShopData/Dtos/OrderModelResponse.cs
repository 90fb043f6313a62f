namespace Jewelry.ShopData.Dtos;

/// <summary>The uploaded 3D model: the sanitised name it was uploaded under and its size.</summary>
public sealed record OrderModelResponse(string? FileName, long? SizeBytes);
