using Jewelry.MesApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jewelry.MesApi.Data;

internal sealed class SellerClientConfiguration : IEntityTypeConfiguration<SellerClient>
{
    public void Configure(EntityTypeBuilder<SellerClient> client)
    {
        client.ToTable("seller_clients");
        client.HasKey(c => c.ClientId);
    }
}
