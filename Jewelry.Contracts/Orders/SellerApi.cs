namespace Jewelry.Contracts.Orders;

/// <summary>The MES's routes for external sellers, which the partner gateway forwards.</summary>
public static class SellerApi
{
    public const string Prefix = "/api/seller";

    public const string Orders = Prefix + "/orders";
}
