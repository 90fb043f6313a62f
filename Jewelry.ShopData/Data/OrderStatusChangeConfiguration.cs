using Jewelry.ShopData.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jewelry.ShopData.Data;

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> change)
    {
        change.ToTable("order_status_history");
        change.HasKey(c => c.Id);
        change.HasIndex(c => new { c.OrderId, c.ChangedAt });
    }
}
