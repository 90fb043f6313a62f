using Jewelry.MesApi.Data;

namespace Microsoft.Extensions.Hosting;

public static class MesDataExtensions
{
    /// <summary>
    /// The <see cref="MesDbContext"/> on <c>mesdb</c> through Aspire's Npgsql client integration (pooling,
    /// retries, health check, telemetry), migrated at startup.
    /// </summary>
    public static IHostApplicationBuilder AddMesData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<MesDbContext>(MesDbContext.ConnectionName);
        builder.Services.NameDependencyCheck(nameof(MesDbContext), MesDbContext.ConnectionName);
        builder.AddMigration<MesDbContext>();

        return builder;
    }
}
