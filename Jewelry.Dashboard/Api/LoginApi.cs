using System.Text.Json;
using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary><c>POST /api/login</c>: a configured user's name and password for the session cookie, for scripts and tests.</summary>
public static class LoginApi
{
    public const string WrongCredentials = "Unknown user name or wrong password.";

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
        HttpContext context, UserDirectory users, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
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

        var user = users.Authenticate(request!.UserName!, request.Password!);
        if (user is null)
        {
            if (users.Find(request.UserName) is { } known)
            {
                var audit = AuditDetails.For(context);
                audit.Identify(known.Name, known.Role);
                audit.Detail = "sign-in refused: wrong password";
            }

            loggerFactory.CreateLogger(typeof(LoginApi)).LogWarning("Sign-in refused: unknown user name or wrong password");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: WrongCredentials);
        }

        await DashboardSession.SignInAsync(context, user.Name, user.Role, SignInMethod.Password);
        return TypedResults.Ok(new LoginResponse(user.Name, user.Role));
    }
}
