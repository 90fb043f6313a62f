using Jewelry.Dashboard.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jewelry.Dashboard.Api;

/// <summary>Answers 503 with problem details while the database is still being prepared or is unreachable.</summary>
internal sealed class StoreNotReadyExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (TelemetryStoreNotReadyException or Npgsql.NpgsqlException))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "2";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Telemetry store unavailable",
                Detail = exception is TelemetryStoreNotReadyException
                    ? exception.Message
                    : $"The telemetry database did not answer: {exception.Message}",
            },
        });
    }
}
