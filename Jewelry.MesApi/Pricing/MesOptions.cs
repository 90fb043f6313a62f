using Jewelry.Manufacturing.Printing;

namespace Jewelry.MesApi.Pricing;

/// <summary>The MES's own settings, section <c>Mes</c>.</summary>
public sealed class MesOptions
{
    public const string SectionName = "Mes";

    /// <summary>The largest model accepted from a seller or downloaded for pricing; 50 MiB by default.</summary>
    public long MaxModelBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The workshop's printer (<c>Mes:BuildVolume</c>): a model larger than it cannot be made, whatever the Shop accepted.</summary>
    public BuildVolume BuildVolume { get; set; } = new() { X = 145, Y = 145, Z = 185 };
}
