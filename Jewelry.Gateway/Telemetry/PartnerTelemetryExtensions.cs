using Jewelry.Gateway.Telemetry;

namespace Microsoft.AspNetCore.Builder;

public static class PartnerTelemetryExtensions
{
    /// <summary>After <c>UseAuthentication</c>: tags the span with the partner once the token is known.</summary>
    public static IApplicationBuilder UsePartnerTelemetry(this IApplicationBuilder app) => app.UseMiddleware<PartnerTelemetryMiddleware>();
}
