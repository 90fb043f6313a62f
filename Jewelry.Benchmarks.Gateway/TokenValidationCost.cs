using System.Diagnostics;
using Jewelry.Contracts.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jewelry.Benchmarks.Gateway;

/// <summary>What JwtBearer's check of one access token costs (signature, issuer, audience, lifetime), with the token server's published keys.</summary>
public sealed record TokenValidationCost(int Count, TimeSpan Total)
{
    public TimeSpan PerToken => Total / Count;

    public static async Task<TokenValidationCost> MeasureAsync(PartnerSystem stack, string token, string audience, int count = 20_000)
    {
        var keys = new JsonWebKeySet(await stack.Identity.GetStringAsync("/.well-known/jwks")).GetSigningKeys();
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = TokenServer.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
        };
        var handler = new JsonWebTokenHandler();
        for (var i = 0; i < 500; i++)
        {
            await ValidateAsync(handler, token, parameters);
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await ValidateAsync(handler, token, parameters);
        }

        return new TokenValidationCost(count, Stopwatch.GetElapsedTime(started));
    }

    private static async Task ValidateAsync(JsonWebTokenHandler handler, string token, TokenValidationParameters parameters)
    {
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The token did not validate.", result.Exception);
        }
    }
}
