using Jewelry.ServiceDefaults.Multipart;
using Microsoft.Extensions.Options;

namespace Jewelry.ShopApi.Models;

/// <summary>
/// Reads the <c>file</c> part of a multipart/form-data request with the shared <see cref="MultipartFormReader"/>,
/// refusing it as soon as it grows past <see cref="ShopOptions.MaxModelBytes"/>: nothing larger than the limit is ever buffered.
/// </summary>
public sealed class ModelUploadReader(IOptions<ShopOptions> options)
{
    public const string FieldName = "file";

    private static readonly string[] s_fileParts = [FieldName];

    private MultipartFormLimits Limits => new(options.Value.MaxModelBytes);

    public long MaxModelBytes => options.Value.MaxModelBytes;

    public long MaxRequestBytes => Limits.MaxRequestBytes;

    public async Task<ModelUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var read = await MultipartFormReader.ReadAsync(request, Limits, s_fileParts, [], cancellationToken);
        if (!read.Succeeded)
        {
            return read.Outcome switch
            {
                MultipartFormOutcome.TooLarge => ModelUpload.TooLarge,
                MultipartFormOutcome.NotMultipart => ModelUpload.NotMultipart,
                _ => ModelUpload.Malformed(read.Detail),
            };
        }

        return read.Form.File(FieldName) is { } file
            ? ModelUpload.Received(file.Content, file.FileName)
            : ModelUpload.MissingFile;
    }
}
