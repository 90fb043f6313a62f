using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Jewelry.ServiceDefaults.Multipart;

/// <summary>
/// Streams a multipart/form-data request: the named file parts into memory, each refused as soon as it grows past
/// <see cref="MultipartFormLimits.MaxFileBytes"/>, the named text fields as short text, every other part skipped unread.
/// Whatever the client got wrong (no boundary, a boundary the body does not use, a body cut short, oversized part
/// headers) is a refusal with a detail saying so, never an exception. Nothing is written anywhere while reading.
/// </summary>
public static class MultipartFormReader
{
    public const string MediaType = "multipart/form-data";

    private const int MaxBoundaryLength = 70;
    private const int ChunkSize = 81920;

    public static async Task<MultipartFormResult> ReadAsync(
        HttpRequest request,
        MultipartFormLimits limits,
        IReadOnlyCollection<string> fileParts,
        IReadOnlyCollection<string> fieldParts,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return MultipartFormResult.Refused(MultipartFormOutcome.NotMultipart, $"Send {MediaType}; the request's Content-Type is '{request.ContentType}'.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            return MultipartFormResult.Refused(MultipartFormOutcome.Malformed, $"The {MediaType} content type has no valid boundary (1 to {MaxBoundaryLength} characters).");
        }

        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return TooLarge(limits);
        }

        // Kestrel then stops a body without Content-Length (chunked) at the limit too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxRequestBytes;
        }

        try
        {
            // The request body limit above bounds the parts; the reader's own 128 MiB default would throw mid-read.
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            return await ReadPartsAsync(reader, limits, fileParts, fieldParts, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (BadHttpRequestException ex)
        {
            return MultipartFormResult.Refused(MultipartFormOutcome.Malformed, $"The request body could not be read: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            return MultipartFormResult.Refused(MultipartFormOutcome.Malformed, $"The {MediaType} body is malformed: {ex.Message}");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // MultipartReader's "Unexpected end of Stream": the body ended before the boundary it looked for.
            return MultipartFormResult.Refused(
                MultipartFormOutcome.Malformed,
                $"The {MediaType} body ended before its closing boundary '--{boundary}--': it is cut short, or it uses another boundary than the Content-Type names.");
        }
    }

    private static async Task<MultipartFormResult> ReadPartsAsync(
        MultipartReader reader,
        MultipartFormLimits limits,
        IReadOnlyCollection<string> fileParts,
        IReadOnlyCollection<string> fieldParts,
        CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, MultipartFile>(StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > limits.MaxParts)
            {
                return MultipartFormResult.Refused(MultipartFormOutcome.Malformed, $"The form has more than {limits.MaxParts} parts.");
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { } name)
            {
                // A part without a name is no field of the form; the reader drains it on the way to the next one.
                continue;
            }

            if (fileParts.Contains(name))
            {
                if (files.ContainsKey(name))
                {
                    return MultipartFormResult.Refused(MultipartFormOutcome.Malformed, $"Send one file in '{name}'.");
                }

                var content = await ReadAtMostAsync(section.Body, limits.MaxFileBytes, cancellationToken);
                if (content is null)
                {
                    return TooLarge(limits);
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                files[name] = new MultipartFile(content.Value, fileName);
            }
            else if (fieldParts.Contains(name)
                && await ReadAtMostAsync(section.Body, limits.MaxFieldBytes, cancellationToken) is { } text)
            {
                // Too long to be the field's value when null: validation reports the field as missing.
                fields[name] = Encoding.UTF8.GetString(text.Span).Trim();
            }
        }

        return MultipartFormResult.Read(new MultipartForm(files, fields));
    }

    private static MultipartFormResult TooLarge(MultipartFormLimits limits) =>
        MultipartFormResult.Refused(
            MultipartFormOutcome.TooLarge,
            string.Create(CultureInfo.InvariantCulture, $"A file may be at most {limits.MaxFileBytes} bytes ({limits.MaxFileBytes / (1024.0 * 1024):0.##} MiB)."));

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
