using Jewelry.MesApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jewelry.MesApi.Data;

internal sealed class ProductionStepConfiguration : IEntityTypeConfiguration<ProductionStep>
{
    public void Configure(EntityTypeBuilder<ProductionStep> step)
    {
        step.ToTable("production_steps");
        step.HasKey(s => s.Id);
        step.HasIndex(s => new { s.ProductionOrderId, s.ChangedAt });
    }
}
