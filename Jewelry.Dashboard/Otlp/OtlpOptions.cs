namespace Jewelry.Dashboard.Otlp;

/// <summary><c>Dashboard:Otlp</c>, named as in the Aspire dashboard.</summary>
public sealed class OtlpOptions
{
    public const string SectionName = "Dashboard:Otlp";
    public const string ApiKeyHeaderName = "x-otlp-api-key";

    /// <summary><c>ApiKey</c> or <c>Unsecured</c>. Unset: <c>ApiKey</c> when a key is configured, else <c>Unsecured</c>.</summary>
    public OtlpAuthMode? AuthMode { get; set; }

    public string? PrimaryApiKey { get; set; }

    /// <summary>Also accepted, so a key can be rotated without refusing telemetry.</summary>
    public string? SecondaryApiKey { get; set; }

    /// <summary>Largest export request accepted, after decompression.</summary>
    public int MaxRequestBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Lets browser apps export OTLP/HTTP (<c>Dashboard:Otlp:Cors:AllowedOrigins</c>); off when unset.</summary>
    public OtlpCorsOptions Cors { get; set; } = new();
}
