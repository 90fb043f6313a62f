using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Completes a 5xx server span where the ASP.NET Core instrumentation stops short. It sets <c>http.route</c>,
/// the status code, the <c>{method} {route}</c> name and the Error status, and takes <c>error.type</c> from the
/// exception only when ASP.NET Core reports it as unhandled. Our exception handler answers every exception with
/// problem details, so the instrumentation sees a handled request and records just "500", with no description.
/// This names the exception (type and message) the handler caught, or the reason phrase when none was thrown.
/// </summary>
internal static class ServerErrorEnricher
{
    public static void Enrich(Activity activity, HttpResponse response)
    {
        if (response.StatusCode < StatusCodes.Status500InternalServerError)
        {
            return;
        }

        if (response.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } exception)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        }
        else if (string.IsNullOrEmpty(activity.StatusDescription))
        {
            activity.SetStatus(ActivityStatusCode.Error, ReasonPhrases.GetReasonPhrase(response.StatusCode));
        }
    }
}
