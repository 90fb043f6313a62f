using Jewelry.MesApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jewelry.MesApi.Data;

internal sealed class ProductionOrderConfiguration : IEntityTypeConfiguration<ProductionOrder>
{
    public void Configure(EntityTypeBuilder<ProductionOrder> production)
    {
        production.ToTable("production_orders");
        production.HasKey(p => p.Id);
        production.Property(p => p.Id).ValueGeneratedNever();
        production.Property(p => p.Version).IsRowVersion().HasColumnName("xmin");
        production.Property(p => p.Price).HasPrecision(12, 2);
        production.Property(p => p.Currency).HasMaxLength(3);

        // One production per shop order: a redelivered approval message must not start a second one.
        production.HasIndex(p => p.OrderId).IsUnique();
        production.HasIndex(p => p.Stage);

        // A seller lists its own orders, newest first. No foreign key to seller_clients: sellers come from the token
        // server, and that table holds only the deprecated HTTP Basic credentials.
        production.HasIndex(p => new { p.SellerClientId, p.CreatedAt });

        production.HasMany(p => p.Steps)
            .WithOne()
            .HasForeignKey(step => step.ProductionOrderId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
