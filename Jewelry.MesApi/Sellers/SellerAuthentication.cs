namespace Jewelry.MesApi.Sellers;

public static class SellerAuthentication
{
    public const string Scheme = "Basic";

    public const string Policy = "Seller";

    /// <summary>The protection space named in <c>WWW-Authenticate</c>.</summary>
    public const string Realm = "mes";
}
