namespace Jewelry.MesApi.Pricing;

/// <summary>The MES's own settings, section <c>Mes</c>.</summary>
public sealed class MesOptions
{
    public const string SectionName = "Mes";

    /// <summary>The largest model accepted from a seller or downloaded for pricing; 50 MiB by default.</summary>
    public long MaxModelBytes { get; set; } = 50L * 1024 * 1024;
}
