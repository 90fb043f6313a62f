using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Archive;

public static class ArchiveExtensions
{
    /// <summary>
    /// <c>Dashboard:Archive</c>: when enabled, retention archives to S3 (<c>ConnectionStrings:{ConnectionName}</c>,
    /// bucket <c>Bucket</c>) before deleting by age or by a size limit, and admins can import the archive back; off,
    /// nothing is registered.
    /// </summary>
    public static WebApplicationBuilder AddTelemetryArchive(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ArchiveOptions.SectionName);
        var archive = section.Get<ArchiveOptions>() ?? new ArchiveOptions();
        builder.Services.AddOptions<ArchiveOptions>().Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Bucket), "Dashboard:Archive:Bucket must name a bucket.")
            .Validate(o => o.ImportKeep > TimeSpan.Zero, "Dashboard:Archive:ImportKeep must be positive.")
            .Validate(o => o.MaxImportRange > TimeSpan.Zero, "Dashboard:Archive:MaxImportRange must be positive.")
            .Validate(o => o.SizeLimitMargin is >= 0 and <= 1, "Dashboard:Archive:SizeLimitMargin must be a fraction from 0 to 1 (0.1 keeps up to 10 % over a size limit while S3 is down).")
            .ValidateOnStart();
        if (!archive.Enabled)
        {
            return builder;
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(archive.ConnectionName)))
        {
            throw new InvalidOperationException(
                $"Dashboard:Archive:Enabled is true but ConnectionStrings:{archive.ConnectionName} (Dashboard:Archive:ConnectionName) is not set; " +
                "give the S3 store's connection string (Endpoint=..;AccessKey=..;SecretKey=..;Bucket=..) or turn the archive off.");
        }

        // The archive's health is its counters and logs: an S3 outage keeps telemetry in the store, it does not stop ingest.
        builder.AddS3Client(archive.ConnectionName, checkHealth: false);
        builder.Services.AddSingleton<ArchiveCounters>();
        builder.Services.AddSingleton<ArchiveStore>();
        builder.Services.AddSingleton<TelemetryArchive>();
        builder.Services.AddSingleton<ArchiveImporter>();
        return builder;
    }

    /// <summary>Whether the archive is on, for endpoints that need it.</summary>
    public static bool IsArchiveEnabled(this IServiceProvider services) => services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Enabled;
}
