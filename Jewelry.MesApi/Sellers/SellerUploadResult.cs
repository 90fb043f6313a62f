using System.Diagnostics.CodeAnalysis;

namespace Jewelry.MesApi.Sellers;

/// <summary>The upload, or the status code and reason it was refused with.</summary>
public sealed record SellerUploadResult(SellerUpload? Upload, int StatusCode, string? Detail)
{
    [MemberNotNullWhen(true, nameof(Upload))]
    [MemberNotNullWhen(false, nameof(Detail))]
    public bool Succeeded => Upload is not null;

    public static SellerUploadResult Read(SellerUpload upload) => new(upload, StatusCodes.Status200OK, null);

    public static SellerUploadResult Refused(int statusCode, string detail) => new(null, statusCode, detail);
}
