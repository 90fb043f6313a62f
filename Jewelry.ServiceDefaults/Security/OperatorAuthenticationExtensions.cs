using Jewelry.Contracts.Security;
using Jewelry.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class OperatorAuthenticationExtensions
{
    /// <summary>
    /// Operator access tokens (audience <see cref="TokenAudiences.Operators"/>, <see cref="OperatorAuthentication.Scheme"/>)
    /// and the two policies over their <c>role</c> claim. A partner's token is for another audience and is refused with
    /// 401 on every operator route.
    /// </summary>
    public static IHostApplicationBuilder AddOperatorAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddBearerTokens(TokenAudiences.Operators, OperatorAuthentication.Scheme, BearerProblemDetails.OperatorEvents);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorAuthentication.ReadPolicy, policy => policy
                .AddAuthenticationSchemes(OperatorAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(OperatorRoles.ClaimType, OperatorRoles.Readers))
            .AddPolicy(OperatorAuthentication.WritePolicy, policy => policy
                .AddAuthenticationSchemes(OperatorAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(OperatorRoles.ClaimType, OperatorRoles.Operator));
        return builder;
    }

    /// <summary>Documents the operators' bearer tokens in the OpenAPI document, on the operations that need them.</summary>
    public static OpenApiOptions AddOperatorSecurity(this OpenApiOptions options) => options
        .AddDocumentTransformer<OperatorOpenApiTransformer>()
        .AddOperationTransformer<OperatorOpenApiTransformer>();

    /// <summary>Operators' routes: any operator or viewer may call them (add <see cref="OperatorAuthentication.WritePolicy"/> to those that change something), and their spans carry the operator's id.</summary>
    public static RouteGroupBuilder RequireOperatorToken(this RouteGroupBuilder group) => group
        .RequireAuthorization(OperatorAuthentication.ReadPolicy)
        .AddEndpointFilter<OperatorSpanFilter>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);
}
