namespace Jewelry.MesApi.Domain;

/// <summary>Where a production order came from; stored as <c>SHOP</c> or <c>SELLER</c>.</summary>
public enum ProductionSource
{
    /// <summary>A shop order the CRM approved; its stage changes are reported back to the CRM.</summary>
    Shop,

    /// <summary>An external seller's order, placed directly with the MES; the CRM never sees it.</summary>
    Seller,
}
