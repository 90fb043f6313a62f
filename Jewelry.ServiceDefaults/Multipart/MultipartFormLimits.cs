namespace Jewelry.ServiceDefaults.Multipart;

/// <summary>How much of a multipart/form-data request is read: each file, each text field, the number of parts.</summary>
public sealed record MultipartFormLimits(long MaxFileBytes, int MaxFieldBytes = 256, int MaxParts = 16)
{
    /// <summary>Room for the boundaries, part headers and small fields around the files.</summary>
    public const long OverheadBytes = 64 * 1024;

    /// <summary>The whole request body may be no larger: the file limit plus the framing.</summary>
    public long MaxRequestBytes => MaxFileBytes + OverheadBytes;
}
