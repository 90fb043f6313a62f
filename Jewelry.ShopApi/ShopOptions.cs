namespace Jewelry.ShopApi;

/// <summary>The Shop API's settings, bound from <c>Shop</c>.</summary>
public sealed class ShopOptions
{
    public const string SectionName = "Shop";

    /// <summary>The largest 3D model a customer may upload (<c>Shop:MaxModelBytes</c>), 50 MiB unless configured.</summary>
    public long MaxModelBytes { get; set; } = 50L * 1024 * 1024;
}
