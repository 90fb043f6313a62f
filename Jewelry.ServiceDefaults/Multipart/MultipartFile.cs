namespace Jewelry.ServiceDefaults.Multipart;

/// <summary>A file part as it was sent: its bytes and the file name the client gave, if any.</summary>
public sealed record MultipartFile(ReadOnlyMemory<byte> Content, string? FileName);
