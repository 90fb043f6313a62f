namespace Jewelry.MesApi.Sellers;

/// <summary>What a seller sent: the model's bytes and the form fields, not yet validated. The file name is dropped.</summary>
public sealed record SellerUpload(byte[] Model, string? Material, string? ProductType);
