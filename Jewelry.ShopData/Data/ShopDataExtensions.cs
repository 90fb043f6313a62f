using Jewelry.ShopData.Data;

namespace Microsoft.Extensions.Hosting;

public static class ShopDataExtensions
{
    /// <summary>
    /// The <see cref="ShopDbContext"/> on <c>shopdb</c>, migrated at startup. Both the Shop API and the
    /// CRM API call it; EF Core's migration lock makes their concurrent migrations safe.
    /// </summary>
    public static IHostApplicationBuilder AddShopData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ShopDbContext>(ShopDbContext.ConnectionName);
        builder.AddMigration<ShopDbContext>();

        return builder;
    }
}
