using System.Security.Claims;
using Jewelry.Contracts.Security;
using Jewelry.Identity.Clients;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jewelry.Identity.Endpoints;

/// <summary>
/// The token endpoint's last step. OpenIddict has already authenticated the client (its secret against the stored
/// hash), checked the grant type and that the client may have the scopes it asks for; this says whom the token is
/// about, and OpenIddict signs and returns it.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenServer.TokenPath, IssueAsync)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext context, IOpenIddictApplicationManager applications, IOptions<ClientsOptions> clients)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token endpoint was reached without an OpenIddict request.");
        if (!request.IsClientCredentialsGrantType() || request.ClientId is null
            || await applications.FindByClientIdAsync(request.ClientId, context.RequestAborted) is null)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetScopes(request.GetScopes());
        var configured = clients.Value.Clients.FirstOrDefault(c => c.ClientId == request.ClientId);
        identity.SetResources(configured?.Audience ?? TokenAudiences.Partners);
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
