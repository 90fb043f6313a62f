using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Jewelry.ServiceDefaults.Security;

/// <summary>The OAuth 2.0 claims of an access token: its scopes and the client it was issued to.</summary>
public static class ScopeClaims
{
    public const string Scope = "scope";

    public const string ClientId = "client_id";

    public const string Subject = "sub";

    /// <summary>RFC 9068: <c>scope</c> is one space-separated string; some issuers repeat the claim instead.</summary>
    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Scope).Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    /// <summary>The client the token was issued to (<c>client_id</c>, else the subject of a client-credentials token).</summary>
    public static string? GetClientId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClientId) ?? user.FindFirstValue(Subject);

    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.HasScope(scope));
}
