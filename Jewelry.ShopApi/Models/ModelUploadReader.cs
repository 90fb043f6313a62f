using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jewelry.ShopApi.Models;

/// <summary>
/// Streams the <c>file</c> part of a multipart/form-data request into memory, refusing it as soon as it
/// grows past <see cref="ShopOptions.MaxModelBytes"/>: nothing larger than the limit is ever buffered.
/// </summary>
public sealed class ModelUploadReader(IOptions<ShopOptions> options)
{
    public const string FieldName = "file";

    /// <summary>Room for the multipart boundaries, part headers and small fields around the file.</summary>
    public const long MultipartOverheadBytes = 64 * 1024;

    private const int MaxBoundaryLength = 70;
    private const int ChunkSize = 81920;

    public long MaxModelBytes => options.Value.MaxModelBytes;

    public long MaxRequestBytes => MaxModelBytes + MultipartOverheadBytes;

    public async Task<ModelUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return ModelUpload.TooLarge;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return ModelUpload.NotMultipart;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            return ModelUpload.Malformed("The multipart/form-data content type has no valid boundary.");
        }

        // Kestrel then stops a body without Content-Length (chunked) at the limit too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxRequestBytes;
        }

        try
        {
            // The reader's own section limit would throw mid-read; ReadAtMostAsync enforces ours instead.
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FieldName, StringComparison.Ordinal))
                {
                    continue;
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                    ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var content = await ReadAtMostAsync(section.Body, MaxModelBytes, cancellationToken);
                return content is null ? ModelUpload.TooLarge : ModelUpload.Received(content.Value, fileName);
            }

            return ModelUpload.MissingFile;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ModelUpload.TooLarge;
        }
        catch (InvalidDataException ex)
        {
            return ModelUpload.Malformed(ex.Message);
        }
    }

    /// <returns>The bytes, or null as soon as there are more than <paramref name="maxBytes"/>.</returns>
    private static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    return null;
                }

                content.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(content.GetBuffer(), 0, (int)content.Length);
    }
}
