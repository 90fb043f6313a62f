namespace Jewelry.ShopData.Domain;

/// <summary>The services that change orders, as recorded in <see cref="OrderStatusChange.Source"/>.</summary>
public static class OrderSources
{
    public const string ShopApi = "shop-api";
    public const string CrmApi = "crm-api";
}
