using System.Text;
using Jewelry.MesApi.Pricing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Jewelry.MesApi.Sellers;

/// <summary>
/// Streams a seller's multipart upload: the <c>file</c> part into memory up to the model size limit (stopping
/// as soon as it is passed), the <c>material</c> and <c>productType</c> fields as short text. Nothing is
/// written anywhere while reading.
/// </summary>
public static class SellerUploadReader
{
    public const string FilePart = "file";
    public const string MaterialPart = "material";
    public const string ProductTypePart = "productType";

    private const int MaxFieldBytes = 256;
    private const int MaxParts = 16;
    private const int MaxBoundaryLength = 70;

    // Room for the part headers and the text fields around the model.
    private const long FormOverheadBytes = 64 * 1024;

    public static async Task<SellerUploadResult> ReadAsync(HttpRequest request, long maxModelBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return SellerUploadResult.Refused(StatusCodes.Status415UnsupportedMediaType,
                $"Send multipart/form-data with the STL model in '{FilePart}' and the fields '{MaterialPart}' and '{ProductTypePart}'.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            return SellerUploadResult.Refused(StatusCodes.Status400BadRequest, "The multipart/form-data content type has no valid boundary.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxModelBytes + FormOverheadBytes;
        }

        try
        {
            // The request body limit above bounds the parts; the reader's own 128 MiB default would refuse a larger configured model.
            return await ReadPartsAsync(new MultipartReader(boundary, request.Body) { BodyLengthLimit = null }, maxModelBytes, cancellationToken);
        }
        catch (ModelTooLargeException ex)
        {
            return SellerUploadResult.Refused(StatusCodes.Status413PayloadTooLarge, ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return SellerUploadResult.Refused(StatusCodes.Status413PayloadTooLarge, new ModelTooLargeException(maxModelBytes).Message);
        }
        catch (InvalidDataException)
        {
            return SellerUploadResult.Refused(StatusCodes.Status400BadRequest, "The multipart/form-data body is malformed.");
        }
    }

    private static async Task<SellerUploadResult> ReadPartsAsync(MultipartReader reader, long maxModelBytes, CancellationToken cancellationToken)
    {
        byte[]? model = null;
        string? material = null, productType = null;
        var parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > MaxParts)
            {
                return SellerUploadResult.Refused(StatusCodes.Status400BadRequest, $"The form has more than {MaxParts} parts.");
            }

            var name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.Name).Value
                : null;
            switch (name)
            {
                case FilePart when model is not null:
                    return SellerUploadResult.Refused(StatusCodes.Status400BadRequest, $"Send one model in '{FilePart}'.");
                case FilePart:
                    model = await BoundedReader.ReadAllAsync(section.Body, maxModelBytes, cancellationToken);
                    break;
                case MaterialPart:
                    material = await ReadFieldAsync(section.Body, cancellationToken);
                    break;
                case ProductTypePart:
                    productType = await ReadFieldAsync(section.Body, cancellationToken);
                    break;
                default:
                    // Unknown parts are skipped unread: the reader drains them on the way to the next one.
                    break;
            }
        }

        return model is null
            ? SellerUploadResult.Refused(StatusCodes.Status400BadRequest, $"The form has no '{FilePart}' part with the STL model.")
            : SellerUploadResult.Read(new SellerUpload(model, material, productType));
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return Encoding.UTF8.GetString(await BoundedReader.ReadAllAsync(body, MaxFieldBytes, cancellationToken)).Trim();
        }
        catch (ModelTooLargeException)
        {
            // Too long to be a material or a product type; validation reports the field as missing.
            return null;
        }
    }
}
