using System.Security.Claims;

namespace Jewelry.MesApi.Sellers;

public static class SellerClaims
{
    /// <summary>The authenticated seller's client id, as in OAuth 2.0 client credentials.</summary>
    public const string ClientId = "client_id";

    /// <summary>The span tag that says which seller made a call (the design documents' client_id).</summary>
    public const string ClientIdTag = "seller.client_id";

    public static string GetSellerClientId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClientId) ?? throw new InvalidOperationException("The request is not authenticated as a seller.");
}
