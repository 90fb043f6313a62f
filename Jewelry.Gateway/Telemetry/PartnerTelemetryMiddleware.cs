using System.Diagnostics;
using Jewelry.Contracts.Telemetry;
using Jewelry.ServiceDefaults.Security;
using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Gateway.Telemetry;

/// <summary>Puts the authenticated partner's client id on the request's span (and as <c>user.id</c> baggage into the MES).</summary>
public sealed class PartnerTelemetryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var clientId = context.User.GetClientId();
        if (clientId is not null)
        {
            Activity.Current?.SetTag(SellerTelemetry.ClientId, clientId);
            OrderTelemetry.TrackUser(clientId);
        }

        return next(context);
    }
}
