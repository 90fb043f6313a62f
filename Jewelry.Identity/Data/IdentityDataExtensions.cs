using Jewelry.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.Hosting;

public static class IdentityDataExtensions
{
    /// <summary>
    /// <see cref="IdentityDbContext"/> on <c>identitydb</c> through Aspire's Npgsql client integration, with
    /// OpenIddict's entities, its schema created at startup (<see cref="IdentitySchemaCreator"/>).
    /// </summary>
    public static IHostApplicationBuilder AddIdentityData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>(IdentityDbContext.ConnectionName, configureDbContextOptions: options => options.UseOpenIddict());
        builder.Services.NameDependencyCheck(nameof(IdentityDbContext), IdentityDbContext.ConnectionName);
        builder.Services.AddHostedService<IdentitySchemaCreator>();

        return builder;
    }
}
