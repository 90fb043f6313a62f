namespace Jewelry.MesApi.Dtos;

/// <summary>
/// The multipart form of a new seller order, for the OpenAPI document: the endpoint reads the body itself,
/// streaming, so it can stop at the size limit.
/// </summary>
public sealed record SellerOrderForm(IFormFile File, string Material, string ProductType);
