using System.Globalization;
using System.Text.Json;
using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary><c>POST /api/login</c>: a configured user's name and password for the session cookie, for scripts and tests.</summary>
public static class LoginApi
{
    public static IEndpointRouteBuilder MapLoginApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/login", LoginAsync)
            .AllowAnonymous()
            .Accepts<LoginRequest>("application/json")
            .WithTags("Session")
            .WithName("Login")
            .WithSummary("Sign in with a user name and password from Dashboard:Users; sets the session cookie");
        return endpoints;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        HttpContext context, PasswordSignIn signIn, CancellationToken cancellationToken)
    {
        LoginRequest? request;
        try
        {
            request = context.Request.HasJsonContentType()
                ? await context.Request.ReadFromJsonAsync<LoginRequest>(cancellationToken)
                : null;
        }
        catch (JsonException)
        {
            request = null;
        }

        var missing = new[] { ("userName", request?.UserName), ("password", request?.Password) }
            .Where(field => string.IsNullOrEmpty(field.Item2))
            .Select(field => field.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid sign-in",
                detail: $"Send a JSON body {{\"userName\": \"...\", \"password\": \"...\"}} with Content-Type application/json; missing: {string.Join(", ", missing)}.");
        }

        var result = await signIn.SignInAsync(context, request!.UserName!, request.Password!);
        if (result.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in locked", detail: result.Refusal);
        }

        return result.User is { } user
            ? TypedResults.Ok(new LoginResponse(user.Name, user.Role))
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: result.Refusal);
    }
}
