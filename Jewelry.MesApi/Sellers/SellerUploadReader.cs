using Jewelry.MesApi.Pricing;
using Jewelry.ServiceDefaults.Multipart;

namespace Jewelry.MesApi.Sellers;

/// <summary>
/// Reads a seller's multipart upload with the shared <see cref="MultipartFormReader"/>: the <c>file</c> part up to
/// the model size limit (stopping as soon as it is passed), the <c>material</c> and <c>productType</c> fields as
/// short text. Nothing is written anywhere while reading.
/// </summary>
public static class SellerUploadReader
{
    public const string FilePart = "file";
    public const string MaterialPart = "material";
    public const string ProductTypePart = "productType";

    private static readonly string[] s_fileParts = [FilePart];
    private static readonly string[] s_fieldParts = [MaterialPart, ProductTypePart];

    public static async Task<SellerUploadResult> ReadAsync(HttpRequest request, long maxModelBytes, CancellationToken cancellationToken)
    {
        var read = await MultipartFormReader.ReadAsync(request, new MultipartFormLimits(maxModelBytes), s_fileParts, s_fieldParts, cancellationToken);
        if (!read.Succeeded)
        {
            return SellerUploadResult.Refused(read.StatusCode, read.Outcome switch
            {
                MultipartFormOutcome.NotMultipart => $"Send multipart/form-data with the STL model in '{FilePart}' and the fields '{MaterialPart}' and '{ProductTypePart}'.",
                MultipartFormOutcome.TooLarge => new ModelTooLargeException(maxModelBytes).Message,
                _ => read.Detail,
            });
        }

        var form = read.Form;
        return form.File(FilePart) is { } model
            ? SellerUploadResult.Read(new SellerUpload(model.Content.ToArray(), form.Field(MaterialPart), form.Field(ProductTypePart)))
            : SellerUploadResult.Refused(StatusCodes.Status400BadRequest, $"The form has no '{FilePart}' part with the STL model.");
    }
}
