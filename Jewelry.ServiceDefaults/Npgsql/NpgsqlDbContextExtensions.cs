using Jewelry.ServiceDefaults.Configuration;
using Jewelry.ServiceDefaults.Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlDbContextExtensions
{
    /// <summary>
    /// Registers a pooled <typeparamref name="TContext"/> on the PostgreSQL database in
    /// <c>ConnectionStrings:{connectionName}</c>, retrying transient failures, with a readiness
    /// check named <paramref name="connectionName"/>.
    /// </summary>
    public static void AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null)
        where TContext : DbContext
    {
        builder.Services.AddDbContextPool<TContext>((services, options) => options.UseNpgsql(
            services.GetRequiredService<IConfiguration>().GetRequiredConnectionString(connectionName),
            npgsql =>
            {
                npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
                configureNpgsql?.Invoke(npgsql);
            }));

        builder.Services.AddHealthChecks().AddDependencyCheck(connectionName, services =>
            new NpgsqlHealthCheck(services.GetRequiredService<IConfiguration>().GetRequiredConnectionString(connectionName)));
    }
}
