using System.Security.Claims;
using Jewelry.Gateway;
using Jewelry.Identity.Clients;
using Jewelry.ServiceDefaults.RateLimiting;
using Jewelry.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;

namespace Jewelry.Tests.Security;

[Trait("Category", "Unit")]
public sealed class AccessTokenRulesTests
{
    private static ClaimsPrincipal User(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));

    [Theory]
    [InlineData("orders:read orders:write", "orders:write", true)]
    [InlineData("orders:read", "orders:write", false)]
    [InlineData("orders:readx", "orders:read", false)]
    [InlineData("", "orders:read", false)]
    public void A_scope_is_one_of_the_space_separated_values(string scopes, string wanted, bool granted)
        => Assert.Equal(granted, User(new Claim(ScopeClaims.Scope, scopes)).HasScope(wanted));

    [Fact]
    public void Repeated_scope_claims_count_too()
        => Assert.True(User(new Claim(ScopeClaims.Scope, "orders:read"), new Claim(ScopeClaims.Scope, "orders:write")).HasScope("orders:write"));

    [Fact]
    public void The_client_id_is_the_client_id_claim_else_the_subject()
    {
        Assert.Equal("a", User(new Claim(ScopeClaims.ClientId, "a"), new Claim(ScopeClaims.Subject, "b")).GetClientId());
        Assert.Equal("b", User(new Claim(ScopeClaims.Subject, "b")).GetClientId());
        Assert.Null(User().GetClientId());
    }

    [Fact]
    public void Refusals_say_what_was_wrong_without_the_library_text()
    {
        Assert.Contains("expired", BearerProblemDetails.Describe(new SecurityTokenExpiredException("IDX10223: ...")), StringComparison.Ordinal);
        Assert.Contains("audience", BearerProblemDetails.Describe(new SecurityTokenInvalidAudienceException("IDX10214")), StringComparison.Ordinal);
        Assert.Contains("not signed", BearerProblemDetails.Describe(new SecurityTokenSignatureKeyNotFoundException("IDX10503")), StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", BearerProblemDetails.Describe(null), StringComparison.Ordinal);
        Assert.DoesNotContain("IDX", BearerProblemDetails.Describe(new SecurityTokenMalformedException("IDX14100")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partner_with_a_contract_of_its_own_gets_its_own_bucket()
    {
        var options = new GatewayOptions { RateLimit = new TokenBucketSettings { TokenLimit = 100 } };
        options.ClientRateLimits["small"] = new TokenBucketSettings { TokenLimit = 3 };

        Assert.Equal(3, options.RateLimitOf("small").TokenLimit);
        Assert.Equal(100, options.RateLimitOf("anyone-else").TokenLimit);
        Assert.Equal(0, options.RateLimitOf("small").ToOptions().QueueLimit);
    }

    [Fact]
    public void Configured_clients_need_an_id_a_long_secret_and_known_scopes()
    {
        var good = new ClientOptions { ClientId = "a", Secret = new string('s', ClientRules.MinSecretLength) };
        good.Scopes.Add("orders:read");
        var shortSecret = new ClientOptions { ClientId = "b", Secret = "short" };
        var unknownScope = new ClientOptions { ClientId = "c", Secret = new string('s', 20) };
        unknownScope.Scopes.Add("orders:delete");

        Assert.Empty(ClientRules.CheckAll([good]));
        Assert.Contains(ClientRules.CheckAll([shortSecret]), p => p.Contains("at least", StringComparison.Ordinal));
        Assert.Contains(ClientRules.CheckAll([unknownScope]), p => p.Contains("orders:delete", StringComparison.Ordinal));
        Assert.Contains(ClientRules.CheckAll([good, good]), p => p.Contains("more than once", StringComparison.Ordinal));
        Assert.NotEmpty(ClientRules.CheckAll([new ClientOptions()]));
    }
}
