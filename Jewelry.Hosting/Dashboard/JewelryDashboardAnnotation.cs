namespace Aspire.Hosting.ApplicationModel;

/// <summary>Marks the project that is the Jewelry dashboard and holds its generated secrets.</summary>
public sealed class JewelryDashboardAnnotation(ParameterResource otlpApiKey, ParameterResource browserToken) : IResourceAnnotation
{
    /// <summary>The key services send in <c>x-otlp-api-key</c> with every OTLP export.</summary>
    public ParameterResource OtlpApiKey { get; } = otlpApiKey;

    /// <summary>The one-time token of the printed login URL (it signs in as the admin).</summary>
    public ParameterResource BrowserToken { get; } = browserToken;
}
