namespace Jewelry.Dashboard.Otlp;

/// <summary><c>Dashboard:Otlp:Cors</c>: which web pages may send OTLP/HTTP from the browser.</summary>
public sealed class OtlpCorsOptions
{
    public const string PolicyName = "OtlpBrowserApps";

    /// <summary>Comma-separated origins, such as <c>http://localhost:5173</c>, or <c>*</c>.</summary>
    public string? AllowedOrigins { get; set; }

    /// <summary>Comma-separated request headers; default: any.</summary>
    public string? AllowedHeaders { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AllowedOrigins);

    public static string[] Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
