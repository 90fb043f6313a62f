using System.Diagnostics.CodeAnalysis;

namespace Jewelry.Manufacturing.Pricing;

/// <summary>The names materials have in APIs and messages.</summary>
public static class MaterialNames
{
    private static readonly Dictionary<string, Material> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gold-585"] = Material.Gold585,
        ["silver-925"] = Material.Silver925,
        ["platinum-950"] = Material.Platinum950,
    };

    public static IReadOnlyCollection<string> All => s_byName.Keys;

    public static bool TryParse(string? name, [NotNullWhen(true)] out Material? material)
    {
        material = name is not null && s_byName.TryGetValue(name, out var found) ? found : null;
        return material is not null;
    }

    public static string ToName(this Material material) => s_byName.First(pair => pair.Value == material).Key;
}
