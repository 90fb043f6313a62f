namespace Jewelry.ShopApi.Models;

/// <summary>What reading an upload request gave: the file's bytes and the name it was sent under, or why not.</summary>
public sealed record ModelUpload(ModelUploadOutcome Outcome, ReadOnlyMemory<byte> Content = default, string? FileName = null, string? Reason = null)
{
    public static ModelUpload TooLarge { get; } = new(ModelUploadOutcome.TooLarge);

    public static ModelUpload NotMultipart { get; } = new(ModelUploadOutcome.NotMultipart);

    public static ModelUpload MissingFile { get; } = new(ModelUploadOutcome.MissingFile);

    public static ModelUpload Malformed(string reason) => new(ModelUploadOutcome.Malformed, Reason: reason);

    public static ModelUpload Received(ReadOnlyMemory<byte> content, string? fileName) => new(ModelUploadOutcome.Received, content, fileName);
}
