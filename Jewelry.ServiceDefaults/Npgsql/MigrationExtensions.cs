using Jewelry.ServiceDefaults.Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class MigrationExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s migrations while the host starts, before the server
    /// listens, waiting for the database while it is unreachable. Several services may migrate the same
    /// database at once: EF Core takes a migration lock (Npgsql: <c>LOCK TABLE "__EFMigrationsHistory"</c>).
    /// </summary>
    public static void AddMigration<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
        => builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
}
