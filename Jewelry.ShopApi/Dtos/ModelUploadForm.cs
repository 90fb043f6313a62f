namespace Jewelry.ShopApi.Dtos;

/// <summary>
/// The upload form as the OpenAPI document shows it. The endpoint never binds it: it streams the
/// request itself so that it can stop at the size limit.
/// </summary>
public sealed record ModelUploadForm(IFormFile File);
