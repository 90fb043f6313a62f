namespace Jewelry.MesApi.Sellers;

/// <summary>The sellers seeded at startup, section <c>Sellers</c>.</summary>
public sealed class SellersOptions
{
    public const string SectionName = "Sellers";

    public List<SellerClientOptions> Clients { get; } = [];
}
