using Jewelry.MesApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jewelry.MesApi.Data;

internal sealed class PriceCalculationConfiguration : IEntityTypeConfiguration<PriceCalculation>
{
    public void Configure(EntityTypeBuilder<PriceCalculation> calculation)
    {
        calculation.ToTable("price_calculations");
        calculation.HasKey(c => c.Id);
        calculation.Property(c => c.Id).ValueGeneratedNever();
        calculation.Property(c => c.Price).HasPrecision(12, 2);
        calculation.Property(c => c.Currency).HasMaxLength(3);
        calculation.HasIndex(c => new { c.OrderId, c.CalculatedAt });
    }
}
