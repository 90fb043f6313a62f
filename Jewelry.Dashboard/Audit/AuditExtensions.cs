namespace Jewelry.Dashboard.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log: who asked the dashboard what, and when.</summary>
    public static WebApplicationBuilder AddAuditLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditCounters>();
        return builder;
    }

    /// <summary>First in the pipeline: it reads the user and the final status once everything else has run, refusals included.</summary>
    public static IApplicationBuilder UseAuditLog(this IApplicationBuilder app) => app.UseMiddleware<AuditMiddleware>();
}
