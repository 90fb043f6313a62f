using Jewelry.Dashboard.Storage.Queries;
using Jewelry.Dashboard.Storage.Retention;
using Jewelry.Dashboard.Storage.Schema;
using Npgsql;

namespace Jewelry.Dashboard.Storage;

public static class TelemetryStoreExtensions
{
    /// <summary>PostgreSQL <c>telemetrydb</c>: schema, writer, queries and retention.</summary>
    public static WebApplicationBuilder AddTelemetryStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(TelemetryStoreOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{TelemetryStoreOptions.ConnectionStringName} is not set; the dashboard stores telemetry in PostgreSQL " +
                "(Host=..;Port=..;Username=..;Password=..;Database=telemetrydb).");
        }

        builder.Services.AddSingleton(TelemetryDataSource.Create(connectionString));
        builder.Services.AddSingleton<TelemetryStoreReadiness>();
        builder.Services.AddHostedService(services => new TelemetryStoreInitializer(
            services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<TelemetryStoreReadiness>(),
            services.GetRequiredService<ILogger<TelemetryStoreInitializer>>(),
            connectionString));
        builder.Services.AddSingleton<TelemetryWriter>();
        builder.Services.AddSingleton<TraceQueries>();
        builder.Services.AddSingleton<LogQueries>();
        builder.Services.AddSingleton<ServiceQueries>();
        builder.Services.AddSingleton<StoreStatistics>();

        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName)
            .Validate(o => o.Interval > TimeSpan.Zero, "Dashboard:Retention:Interval must be positive.")
            .Validate(o => o.MaxAge is null || o.MaxAge > TimeSpan.Zero, "Dashboard:Retention:MaxAge must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TelemetryRetention>();
        builder.Services.AddSingleton<RetentionSettingsStore>();
        builder.Services.AddSingleton<RetentionStatus>();
        builder.Services.AddHostedService<RetentionService>();

        builder.Services.AddHealthChecks().AddCheck<TelemetryStoreHealthCheck>(TelemetryStoreOptions.ConnectionStringName);
        return builder;
    }
}
