namespace Jewelry.Hosting;

/// <summary>The secrets the AppHost generates for the dashboard: the OTLP API key services send, and the browser login token.</summary>
public sealed class DashboardSettings(string apiKey, string browserToken)
{
    public const string OtlpGrpcEndpointName = "otlp-grpc";
    public const string OtlpHttpEndpointName = "otlp-http";

    public string ApiKey { get; } = apiKey;

    public string BrowserToken { get; } = browserToken;

    public static Uri OtlpGrpcEndpoint(ProjectResource dashboard) => dashboard.Endpoints.Single(e => e.Name == OtlpGrpcEndpointName).Url;

    public Uri LoginUrl(ProjectResource dashboard) =>
        new(dashboard.Endpoints.Single(e => e.Name == ProjectResource.HttpEndpointName).Url, $"/login?t={Uri.EscapeDataString(BrowserToken)}");
}
