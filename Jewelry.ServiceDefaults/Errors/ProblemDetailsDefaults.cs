using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Jewelry.ServiceDefaults.Errors;

/// <summary>
/// Gives every problem details document a <c>detail</c>: a validation problem names its fields and what is wrong
/// with them, and an answer the framework wrote without one (no endpoint for the path, a wrong method) says so.
/// </summary>
internal static class ProblemDetailsDefaults
{
    public static void FillDetail(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail = problem switch
        {
            HttpValidationProblemDetails { Errors.Count: > 0 } validation => Describe(validation.Errors),
            { Status: StatusCodes.Status404NotFound } => $"Nothing answers {request.Method} {request.Path} as sent: check the path, the method and the Content-Type.",
            { Status: StatusCodes.Status405MethodNotAllowed } => $"{request.Method} is not allowed on {request.Path}.",
            { Status: >= StatusCodes.Status500InternalServerError } => "The server failed to answer this request; it is not the request's fault. Quote the traceId when you report it.",
            _ => ReasonPhrases.GetReasonPhrase(problem.Status ?? context.HttpContext.Response.StatusCode),
        };
    }

    internal static string Describe(IDictionary<string, string[]> errors)
        => string.Join(" ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
}
