using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Security;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Jewelry.Tests.Security.SellerRequests;

namespace Jewelry.Tests.Security;

/// <summary>Tokens the gateway and the MES refuse: 401 with problem details and <c>WWW-Authenticate: Bearer</c>, nothing done.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class TokenRefusalTests(StackFixture stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge_at_the_gateway_and_the_mes()
    {
        foreach (var api in new[] { stack.Gateway, stack.Mes })
        {
            using var read = await api.SendAsync(Get(SellerApi.Orders, authorization: null), Ct);
            using var place = await api.SendAsync(PlaceOrder(authorization: null), Ct);

            foreach (var response in new[] { read, place })
            {
                await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            }
        }
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_401_and_places_nothing()
    {
        using var key = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenServer.Issuer,
            Audience = TokenAudiences.Partners,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sub"] = "forger",
                ["client_id"] = "forger",
                ["scope"] = "orders:write orders:read",
            },
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "forged-key" }, SecurityAlgorithms.RsaSha256),
        });

        foreach (var api in new[] { stack.Gateway, stack.Mes })
        {
            using var place = await api.SendAsync(PlaceOrder(Bearer(forged)), Ct);
            var problem = await AssertInvalidTokenAsync(place);
            Assert.Contains("not signed by the token server", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var token = await stack.Tokens.OfAsync(TestPartners.Foreign, "orders:read");

        foreach (var api in new[] { stack.Gateway, stack.Mes })
        {
            using var read = await api.SendAsync(Get(SellerApi.Orders, Bearer(token)), Ct);
            var problem = await AssertInvalidTokenAsync(read);
            Assert.Contains("wrong audience", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        // The token lives two seconds and the services allow no clock skew in the tests: wait until it has expired.
        var token = await stack.Tokens.RequestNewAsync(TestPartners.ShortLived, "orders:read");
        var expiresAt = new JsonWebToken(token).ValidTo;
        Assert.InRange(expiresAt - new JsonWebToken(token).IssuedAt, TimeSpan.FromSeconds(1), TestPartners.ShortLifetime);
        await Eventually.WaitUntilAsync(() => DateTime.UtcNow > expiresAt.AddSeconds(1), TestPartners.ShortLifetime * 5, "the token expired");

        foreach (var api in new[] { stack.Gateway, stack.Mes })
        {
            using var read = await api.SendAsync(Get(SellerApi.Orders, Bearer(token)), Ct);
            var problem = await AssertInvalidTokenAsync(read);
            Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_flood_of_wrong_secrets_at_the_token_endpoint_is_rate_limited()
    {
        var floods = Enumerable.Range(0, 60).Select(_ => stack.Tokens.SendAsync(TestPartners.Demo.ClientId, "not-the-secret-at-all", "orders:read"));
        var responses = await Task.WhenAll(floods);
        try
        {
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(limited);
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest }));
            Assert.DoesNotContain(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.True(limited[0].Headers.RetryAfter?.Delta > TimeSpan.Zero);
            await Problems.AssertAsync(limited[0], HttpStatusCode.TooManyRequests);

            var refused = responses.First(r => r.StatusCode != HttpStatusCode.TooManyRequests);
            Assert.Equal("invalid_client", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private static async Task<JsonElement> AssertInvalidTokenAsync(HttpResponseMessage response)
    {
        var problem = await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        return problem;
    }
}
