namespace Jewelry.Dashboard.Listeners;

/// <summary>
/// Reads the listening URLs the way the Aspire dashboard names them: the UI on <c>ASPNETCORE_URLS</c>,
/// OTLP/gRPC on <c>DOTNET_DASHBOARD_OTLP_ENDPOINT_URL</c>, OTLP/HTTP on <c>DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c>.
/// </summary>
public static class DashboardListenerConfiguration
{
    public const string FrontendUrlsKey = "urls";
    public const string OtlpGrpcUrlKey = "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL";
    public const string OtlpHttpUrlKey = "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL";

    public const string DefaultFrontendUrl = "http://localhost:18888";
    public const string DefaultOtlpGrpcUrl = "http://localhost:18889";
    public const string DefaultOtlpHttpUrl = "http://localhost:18890";

    public static IReadOnlyList<DashboardListener> Read(IConfiguration configuration)
    {
        var requested = new List<(Uri Url, DashboardListenerKinds Kind)>();
        foreach (var url in Split(configuration[FrontendUrlsKey] ?? DefaultFrontendUrl))
        {
            requested.Add((Parse(url, FrontendUrlsKey), DashboardListenerKinds.Frontend));
        }

        requested.Add((Parse(configuration[OtlpGrpcUrlKey] ?? DefaultOtlpGrpcUrl, OtlpGrpcUrlKey), DashboardListenerKinds.OtlpGrpc));
        requested.Add((Parse(configuration[OtlpHttpUrlKey] ?? DefaultOtlpHttpUrl, OtlpHttpUrlKey), DashboardListenerKinds.OtlpHttp));

        var listeners = requested
            .GroupBy(r => r.Url.GetLeftPart(UriPartial.Authority).ToUpperInvariant())
            .Select(g => new DashboardListener(g.First().Url, g.Aggregate(DashboardListenerKinds.None, (kinds, r) => kinds | r.Kind)))
            .ToList();

        foreach (var listener in listeners)
        {
            // Without TLS a port speaks either HTTP/1.1 or HTTP/2 with prior knowledge, never both.
            if (listener.Kinds.HasFlag(DashboardListenerKinds.OtlpGrpc) && listener.Kinds != DashboardListenerKinds.OtlpGrpc && !listener.IsHttps)
            {
                throw new InvalidOperationException(
                    $"{OtlpGrpcUrlKey} ({listener.Url}) shares a port with the UI or OTLP/HTTP; without https OTLP/gRPC needs a port of its own.");
            }
        }

        return listeners;
    }

    private static string[] Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri Parse(string url, string key)
    {
        // Kestrel accepts "*" and "+" as "any address"; Uri does not.
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{key} must be an http:// or https:// URL, got '{url}'.");
        }

        return uri;
    }
}
