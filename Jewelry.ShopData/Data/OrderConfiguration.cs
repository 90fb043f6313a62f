using Jewelry.ShopData.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jewelry.ShopData.Data;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).ValueGeneratedNever();
        order.Property(o => o.Price).HasPrecision(12, 2);
        order.Property(o => o.Currency).HasMaxLength(3);
        order.Property(o => o.Version).IsRowVersion().HasColumnName("xmin");

        order.HasIndex(o => o.CustomerId);
        // Serves filtering by status and the stuck-orders query (status, then how long in it).
        order.HasIndex(o => new { o.Status, o.StatusChangedAt });

        order.HasMany(o => o.StatusHistory)
            .WithOne()
            .HasForeignKey(change => change.OrderId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
