using Jewelry.ServiceDefaults.RateLimiting;

namespace Jewelry.Identity.Server;

/// <summary>The token server's settings, section <c>Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per caller address: a flood of wrong secrets is refused before any secret is hashed.</summary>
    public TokenBucketSettings TokenEndpointRateLimit { get; set; } = new() { TokenLimit = 20, TokensPerPeriod = 5 };

    /// <summary>Token requests verified at once: each secret check is a deliberately slow hash, and the machine has few cores.</summary>
    public int TokenEndpointConcurrency { get; set; } = 2;

    /// <summary>Outside Development: PKCS#12 files with the keys that sign and encrypt tokens.</summary>
    public CertificateOptions? SigningCertificate { get; set; }

    public CertificateOptions? EncryptionCertificate { get; set; }
}
