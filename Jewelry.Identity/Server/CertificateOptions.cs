namespace Jewelry.Identity.Server;

/// <summary>A PKCS#12 (.pfx) file and its password.</summary>
public sealed class CertificateOptions
{
    public string Path { get; set; } = "";

    /// <summary>Never logged.</summary>
    public string? Password { get; set; }
}
