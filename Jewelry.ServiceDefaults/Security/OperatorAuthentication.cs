using System.Security.Claims;

namespace Jewelry.ServiceDefaults.Security;

/// <summary>The CRM's and the MES's operator routes: the token server's operator tokens, a policy per right.</summary>
public static class OperatorAuthentication
{
    /// <summary>JwtBearer for audience <c>jewelry-operators</c>; named, so it never answers for the MES's seller routes.</summary>
    public const string Scheme = "Operator";

    /// <summary>An operator or a viewer.</summary>
    public const string ReadPolicy = "OperatorRead";

    /// <summary>An operator: approves, closes, moves production.</summary>
    public const string WritePolicy = "OperatorWrite";

    /// <summary>The operator's opaque id: the token's subject.</summary>
    public static string? GetOperatorId(this ClaimsPrincipal user) => user.FindFirstValue(ScopeClaims.Subject);
}
