using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Jewelry.ServiceDefaults.Errors;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a missing required parameter)
/// into a 400 problem details whose <c>detail</c> says what was wrong and where.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Detail = Describe(badRequest),
            },
        });
    }

    /// <summary>The framework's message, plus the JSON reader's (what and where) when the body was malformed.</summary>
    internal static string Describe(BadHttpRequestException exception)
        => exception.InnerException is JsonException json
            ? $"{exception.Message} {json.Message}"
            : exception.Message;
}
