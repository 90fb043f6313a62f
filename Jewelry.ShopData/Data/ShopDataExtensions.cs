using Jewelry.ShopData.Data;
using Jewelry.ShopData.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class ShopDataExtensions
{
    /// <summary>
    /// The <see cref="ShopDbContext"/> on <c>shopdb</c> through Aspire's Npgsql client integration (pooling,
    /// retries, health check, telemetry), migrated at startup. Both the Shop API and the CRM API call it; EF Core's
    /// migration lock makes their concurrent migrations safe. Every status change saved becomes an
    /// <c>order.transition</c> span.
    /// </summary>
    public static IHostApplicationBuilder AddShopData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ShopDbContext>(ShopDbContext.ConnectionName);
        builder.Services.NameDependencyCheck(nameof(ShopDbContext), ShopDbContext.ConnectionName);
        builder.AddMigration<ShopDbContext>();
        builder.Services.TryAddSingleton<OrderTransitionSpans>();
        builder.Services.ConfigureDbContext<ShopDbContext>((services, options) => options.AddInterceptors(services.GetRequiredService<OrderTransitionSpans>()));

        return builder;
    }
}
