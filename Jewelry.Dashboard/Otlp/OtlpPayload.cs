using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace Jewelry.Dashboard.Otlp;

/// <summary>Reads request bodies and inflates gzip, never past the configured size.</summary>
internal static class OtlpPayload
{
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        if (request.ContentLength > maxBytes)
        {
            throw new OtlpRequestTooLargeException($"The request body is larger than {maxBytes} bytes.");
        }

        try
        {
            return await ReadLimitedAsync(request.Body, maxBytes, (int)(request.ContentLength ?? 0), cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new OtlpRequestTooLargeException($"The request body is larger than {maxBytes} bytes.", exception);
        }
    }

    public static byte[] Gunzip(ReadOnlySpan<byte> compressed, int maxBytes)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray());
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            return ReadLimitedAsync(gzip, maxBytes, compressed.Length * 4, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidDataException exception)
        {
            throw new OtlpFormatException("The body is not valid gzip.", exception);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream source, int maxBytes, int expectedLength, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream(Math.Clamp(expectedLength, 0, maxBytes));
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                throw new OtlpRequestTooLargeException($"The request is larger than {maxBytes} bytes.");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
