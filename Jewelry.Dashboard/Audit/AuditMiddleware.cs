using System.Diagnostics;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Listeners;

namespace Jewelry.Dashboard.Audit;

/// <summary>
/// Writes one audit row for every frontend request a known user makes (pages and API, also when refused),
/// after it is answered and before the response completes, so a client that got an answer finds its row.
/// It runs outermost, so the status is the one the exception handler finally sent. Assets, health probes and
/// OTLP ingest are not audited.
/// </summary>
public sealed class AuditMiddleware(
    RequestDelegate next,
    AuditLog log,
    AuditCounters counters,
    TimeProvider time,
    ILogger<AuditMiddleware> logger)
{
    // Independent of the request: a client that hangs up does not cancel its audit row.
    private static readonly TimeSpan _writeTimeout = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            if (IsAudited(context))
            {
                await WriteAsync(context, started, stopwatch.Elapsed, failed);
            }
        }
    }

    private static bool IsAudited(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/assets") || path.StartsWithSegments("/health") || path.StartsWithSegments("/alive"))
        {
            return false;
        }

        var arrivedOn = context.Features.Get<IDashboardListenerFeature>()?.Kinds ?? DashboardListenerKinds.Frontend;
        var serves = context.GetEndpoint()?.Metadata.GetMetadata<ListenerKindMetadata>()?.Kinds ?? DashboardListenerKinds.Frontend;
        return arrivedOn.HasFlag(DashboardListenerKinds.Frontend) && serves.HasFlag(DashboardListenerKinds.Frontend);
    }

    private async Task WriteAsync(HttpContext context, DateTimeOffset started, TimeSpan elapsed, bool failed)
    {
        var details = context.Features.Get<AuditDetails>();
        var userName = context.User.UserName() ?? details?.UserName;
        var role = context.User.Role() ?? details?.Role;
        if (userName is null || role is null)
        {
            return;
        }

        var entry = new AuditEntry(
            0,
            started,
            userName,
            role,
            context.Request.Method,
            AuditQueryText.Truncate(context.Request.Path.Value ?? "/"),
            AuditQueryText.From(context.Request.QueryString),
            failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
            elapsed.TotalMilliseconds,
            details?.Detail);
        try
        {
            using var timeout = new CancellationTokenSource(_writeTimeout);
            await log.WriteAsync(entry, timeout.Token);
            counters.Written();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            counters.Failed(time.GetUtcNow(), exception.Message);
            logger.LogError(
                "Could not write the audit entry for {Method} {Path} ({Status}); it is counted in /api/status: {Error}",
                entry.Method, entry.Path, entry.StatusCode, exception.Message);
        }
    }
}
