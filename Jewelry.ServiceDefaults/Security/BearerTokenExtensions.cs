using Jewelry.Contracts.Security;
using Jewelry.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class BearerTokenExtensions
{
    /// <summary>Where the token server is, when not at <see cref="TokenServer.Issuer"/> through service discovery.</summary>
    public const string AuthorityKey = "Identity:Authority";

    /// <summary>How far a token's lifetime is stretched for clocks that disagree (JwtBearer's default is 5 minutes).</summary>
    public const string ClockSkewKey = "Identity:ClockSkew";

    private static readonly TimeSpan s_defaultClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Accepts the token server's JWT access tokens for <paramref name="audience"/> (JwtBearer): issuer, audience,
    /// lifetime and signature checked against the keys the token server publishes, fetched through service discovery
    /// (<c>https://identity</c>) and refreshed when a token names an unknown key. Refusals are problem details with
    /// <c>WWW-Authenticate</c> (<see cref="BearerProblemDetails"/>; <paramref name="events"/>, else the partners' ones).
    /// </summary>
    public static AuthenticationBuilder AddBearerTokens(
        this IHostApplicationBuilder builder, string audience, string scheme = JwtBearerDefaults.AuthenticationScheme, JwtBearerEvents? events = null)
    {
        var authority = builder.Configuration[AuthorityKey] ?? TokenServer.Issuer;
        var clockSkew = builder.Configuration.GetValue(ClockSkewKey, s_defaultClockSkew);
        builder.Services.AddOptions<JwtBearerOptions>(scheme)
            .Configure<IHttpClientFactory>((options, clients) =>
            {
                options.Authority = authority;
                options.Audience = audience;
                options.TokenValidationParameters.ValidIssuer = TokenServer.Issuer;
                options.TokenValidationParameters.ClockSkew = clockSkew;

                options.MapInboundClaims = false;
                options.Backchannel = clients.CreateClient(TokenServer.ResourceName);
                options.Events = events ?? BearerProblemDetails.Events;
            });

        return builder.Services.AddAuthentication().AddJwtBearer(scheme);
    }
}
