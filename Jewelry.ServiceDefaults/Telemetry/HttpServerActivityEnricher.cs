using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Completes the ASP.NET Core server span with what only the end of a request knows and .NET 10
/// does not add itself: <c>http.route</c>, <c>http.response.status_code</c>, the <c>{method} {route}</c>
/// name, and for 5xx responses <c>error.type</c> with an Error status. It runs outside the exception
/// handler so it sees the status code the client gets and the exception that caused it.
/// </summary>
internal sealed class HttpServerActivityEnricher(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is not { IsAllDataRequested: true })
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            Complete(activity, context, StatusCodes.Status500InternalServerError, exception);
            throw;
        }

        Complete(activity, context, context.Response.StatusCode, context.Features.Get<IExceptionHandlerFeature>()?.Error);
    }

    internal static void Complete(Activity activity, HttpContext context, int statusCode, Exception? exception)
    {
        // The exception handler clears the endpoint before it handles; it keeps the original in its feature.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;

        activity.DisplayName = route is null ? context.Request.Method : $"{context.Request.Method} {route}";
        activity.SetTag("http.route", route);
        activity.SetTag("http.response.status_code", statusCode);

        // Server spans are errors only for 5xx: a 4xx is the client's mistake, answered correctly.
        if (statusCode >= StatusCodes.Status500InternalServerError)
        {
            activity.SetTag("error.type", exception?.GetType().FullName ?? statusCode.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error, exception?.Message ?? ReasonPhrases.GetReasonPhrase(statusCode));
        }
    }
}
