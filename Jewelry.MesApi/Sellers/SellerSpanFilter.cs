using System.Diagnostics;
using Jewelry.Contracts.Telemetry;
using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.MesApi.Sellers;

/// <summary>Puts the seller's client id on the request's span and as <c>user.id</c>, whichever scheme authenticated it.</summary>
public sealed class SellerSpanFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var clientId = context.HttpContext.User.GetSellerClientId();
        Activity.Current?.SetTag(SellerTelemetry.ClientId, clientId);
        OrderTelemetry.TrackUser(clientId);
        return next(context);
    }
}
