using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Jewelry.ServiceDefaults.Security;

/// <summary>
/// A refused bearer token is answered as RFC 6750 asks (<c>WWW-Authenticate: Bearer</c> with the error) and, like
/// every error of the services, with a problem details document saying what to do.
/// </summary>
public static class BearerProblemDetails
{
    /// <summary>For partner tokens, whose rights are scopes.</summary>
    public static JwtBearerEvents Events { get; } = For("The access token does not grant the scope this call needs; ask the token server for it.");

    /// <summary>For operator tokens, whose rights are a role.</summary>
    public static JwtBearerEvents OperatorEvents { get; } = For("Your role may not do this: it needs the operator role (a viewer may only read).");

    private static JwtBearerEvents For(string forbidden) => new()
    {
        OnChallenge = ChallengeAsync,
        OnForbidden = context => ForbiddenAsync(context, forbidden),
    };

    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = Describe(context.AuthenticateFailure);
        var header = context.AuthenticateFailure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{detail.Replace('"', '\'')}\"";
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, header, detail);
    }

    private static Task ForbiddenAsync(ForbiddenContext context, string detail) => WriteAsync(
        context.HttpContext,
        StatusCodes.Status403Forbidden,
        "Bearer error=\"insufficient_scope\"",
        detail);

    /// <summary>What was wrong with the token, in words that help the caller and reveal nothing of the keys.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        null => "Send an access token from the token server: Authorization: Bearer <token>.",
        SecurityTokenExpiredException => "The access token has expired; get a new one from the token server.",
        SecurityTokenInvalidAudienceException => "The access token is not meant for this API (wrong audience).",
        SecurityTokenInvalidIssuerException => "The access token was not issued by the token server.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token is not signed by the token server.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        _ => "The access token is not valid.",
    };

    private static async Task WriteAsync(HttpContext context, int status, string challenge, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.WWWAuthenticate = challenge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
