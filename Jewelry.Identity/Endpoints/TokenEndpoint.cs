using System.Security.Claims;
using Jewelry.Contracts.Security;
using Jewelry.Identity.Clients;
using Jewelry.Identity.Operators;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jewelry.Identity.Endpoints;

/// <summary>
/// The token endpoint's last step. OpenIddict has already authenticated the client (its secret against the stored
/// hash), checked the grant type and that the client may have the scopes it asks for; this says whom the token is
/// about, and OpenIddict signs and returns it: a partner (client credentials) or an operator (password).
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenServer.TokenPath, IssueAsync)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext context, IOpenIddictApplicationManager applications, IOptions<ClientsOptions> clients, OperatorDirectory operators)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token endpoint was reached without an OpenIddict request.");
        if (request.IsPasswordGrantType())
        {
            return IssueToOperator(request, operators);
        }

        if (!request.IsClientCredentialsGrantType() || request.ClientId is null
            || await applications.FindByClientIdAsync(request.ClientId, context.RequestAborted) is null)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = NewIdentity(request.ClientId);
        identity.SetScopes(request.GetScopes());
        var configured = clients.Value.Clients.FirstOrDefault(c => c.ClientId == request.ClientId);
        identity.SetResources(configured?.Audience ?? TokenAudiences.Partners);
        return SignIn(identity);
    }

    /// <summary>OpenIddict lets only the operator console use the password grant (its permissions); the subject is the operator's opaque id.</summary>
    private static IResult IssueToOperator(OpenIddictRequest request, OperatorDirectory operators)
    {
        if (operators.SignIn(request.Username, request.Password) is not { } account)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user name or the password is wrong.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = NewIdentity(account.Id);
        identity.SetClaim(OperatorRoles.ClaimType, account.Role);
        identity.SetResources(TokenAudiences.Operators);
        return SignIn(identity);
    }

    private static ClaimsIdentity NewIdentity(string subject)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        return identity;
    }

    private static IResult SignIn(ClaimsIdentity identity)
    {
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
