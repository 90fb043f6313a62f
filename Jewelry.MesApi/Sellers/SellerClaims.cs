using System.Security.Claims;
using Jewelry.ServiceDefaults.Security;

namespace Jewelry.MesApi.Sellers;

public static class SellerClaims
{
    /// <summary>The authenticated seller's client id, as in OAuth 2.0 client credentials.</summary>
    public const string ClientId = ScopeClaims.ClientId;

    public static string GetSellerClientId(this ClaimsPrincipal user) =>
        user.GetClientId() ?? throw new InvalidOperationException("The request is not authenticated as a seller.");
}
