using System.Security.Claims;
using System.Text.Encodings.Web;
using Jewelry.MesApi.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jewelry.MesApi.Sellers;

/// <summary>
/// Deprecated in favour of the token server's access tokens: HTTP Basic with a seller's client id and client
/// secret, checked against the stored PBKDF2 hash. The client id goes on the user (claim <c>client_id</c>); the
/// secret and the header go nowhere.
/// </summary>
public sealed class SellerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    MesDbContext db,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!BasicCredentials.TryParse(Request.Headers.Authorization.ToString(), out var credentials))
        {
            return AuthenticateResult.Fail("The Authorization header is not HTTP Basic credentials.");
        }

        var storedHash = await db.SellerClients
            .AsNoTracking()
            .Where(c => c.ClientId == credentials.ClientId)
            .Select(c => c.SecretHash)
            .FirstOrDefaultAsync(Context.RequestAborted);

        var valid = storedHash is null
            ? ClientSecretHasher.VerifyDecoy(credentials.Secret)
            : ClientSecretHasher.Verify(credentials.Secret, storedHash);
        if (!valid)
        {
            return AuthenticateResult.Fail("Unknown client id or wrong client secret.");
        }

        var identity = new ClaimsIdentity([new Claim(SellerClaims.ClientId, credentials.ClientId)], Scheme.Name, SellerClaims.ClientId, roleType: null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{SellerAuthentication.Realm}\"";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Detail = "Unknown client id or wrong client secret. HTTP Basic is deprecated: get an access token from the token server (client credentials) and send it as Authorization: Bearer.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Detail = "These credentials do not allow this call.",
            },
        });
    }
}
