namespace Jewelry.ShopApi.Domain;

/// <summary>The pieces the workshop makes.</summary>
public static class ProductTypes
{
    public static IReadOnlyList<string> All { get; } = ["ring", "pendant", "earrings", "bracelet", "brooch"];

    /// <summary>The canonical (lower-case) name, or null when it is not a product the workshop makes.</summary>
    public static string? Normalize(string? name)
        => All.FirstOrDefault(type => string.Equals(type, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
