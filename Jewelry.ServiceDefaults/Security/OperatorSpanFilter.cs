using Jewelry.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Jewelry.ServiceDefaults.Security;

/// <summary>Puts the operator's opaque id (the token's subject) on the request's span and baggage as <c>user.id</c>.</summary>
public sealed class OperatorSpanFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        OrderTelemetry.TrackUser(context.HttpContext.User.GetOperatorId());
        return next(context);
    }
}
