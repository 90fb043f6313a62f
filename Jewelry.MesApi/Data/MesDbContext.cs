using Jewelry.MesApi.Domain;
using Jewelry.Messaging.Data;
using Jewelry.ServiceDefaults.EntityFramework;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.MesApi.Data;

/// <summary>The MES database, <c>mesdb</c>.</summary>
public sealed class MesDbContext(DbContextOptions<MesDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "mesdb";

    public DbSet<ProductionOrder> ProductionOrders => Set<ProductionOrder>();

    public DbSet<ProductionStep> ProductionSteps => Set<ProductionStep>();

    public DbSet<PriceCalculation> PriceCalculations => Set<PriceCalculation>();

    public DbSet<SellerClient> SellerClients => Set<SellerClient>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<ProductionStage>().HaveConversion<EnumTextConverter<ProductionStage>>();
        configurationBuilder.Properties<ProductionSource>().HaveConversion<EnumTextConverter<ProductionSource>>();
        configurationBuilder.Properties<PriceCalculationStatus>().HaveConversion<EnumTextConverter<PriceCalculationStatus>>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProductionOrderConfiguration());
        modelBuilder.ApplyConfiguration(new ProductionStepConfiguration());
        modelBuilder.ApplyConfiguration(new PriceCalculationConfiguration());
        modelBuilder.ApplyConfiguration(new SellerClientConfiguration());
        modelBuilder.AddMessagingTables();
        modelBuilder.UseSnakeCaseNames();
    }
}
