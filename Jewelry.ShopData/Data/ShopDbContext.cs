using Jewelry.Contracts.Orders;
using Jewelry.Messaging.Data;
using Jewelry.ServiceDefaults.EntityFramework;
using Jewelry.ShopData.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.ShopData.Data;

/// <summary>The shop database, <c>shopdb</c>. The Shop API and the CRM API both write it.</summary>
public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "shopdb";

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderStatusChange> OrderStatusHistory => Set<OrderStatusChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.Properties<OrderStatus>().HaveConversion<OrderStatusConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OrderConfiguration());
        modelBuilder.ApplyConfiguration(new OrderStatusChangeConfiguration());
        modelBuilder.AddMessagingTables();
        modelBuilder.UseSnakeCaseNames();
    }
}
