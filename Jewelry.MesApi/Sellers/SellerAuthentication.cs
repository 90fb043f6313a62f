namespace Jewelry.MesApi.Sellers;

public static class SellerAuthentication
{
    /// <summary>Deprecated: HTTP Basic with the client id and secret stored in the MES (README, Security).</summary>
    public const string Scheme = "Basic";

    /// <summary>The token server's access tokens, as the partner gateway forwards them.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Picks <see cref="Scheme"/> for a Basic header and <see cref="BearerScheme"/> for anything else.</summary>
    public const string SelectorScheme = "Seller";

    /// <summary>Any authenticated seller.</summary>
    public const string Policy = "Seller";

    public const string ReadPolicy = "SellerRead";

    public const string WritePolicy = "SellerWrite";

    /// <summary>The protection space named in <c>WWW-Authenticate</c>.</summary>
    public const string Realm = "mes";

    public static bool IsBasic(string? authorization) =>
        authorization?.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) == true;
}
