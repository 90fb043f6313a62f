using System.Security.Claims;
using Jewelry.Contracts.Security;
using Jewelry.MesApi.Sellers;
using Jewelry.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;

namespace Microsoft.Extensions.Hosting;

public static class SellerAuthenticationExtensions
{
    /// <summary>
    /// Sellers authenticate with the token server's access tokens (audience <see cref="TokenAudiences.Partners"/>,
    /// scopes checked per route) or, deprecated, HTTP Basic against the sellers configured under
    /// <c>Sellers:Clients</c> (seeded once the database is migrated: call after <c>AddMesData</c>). Basic credentials
    /// carry every seller right, as they did before tokens.
    /// </summary>
    public static IHostApplicationBuilder AddSellerAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddBearerTokens(TokenAudiences.Partners, SellerAuthentication.BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, SellerAuthenticationHandler>(SellerAuthentication.Scheme, configureOptions: null)
            .AddPolicyScheme(SellerAuthentication.SelectorScheme, displayName: null, options => options.ForwardDefaultSelector = context =>
                SellerAuthentication.IsBasic(context.Request.Headers.Authorization) ? SellerAuthentication.Scheme : SellerAuthentication.BearerScheme);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SellerAuthentication.Policy, policy => Seller(policy))
            .AddPolicy(SellerAuthentication.ReadPolicy, policy => Seller(policy).RequireAssertion(context => Allows(context.User, PartnerScopes.OrdersRead)))
            .AddPolicy(SellerAuthentication.WritePolicy, policy => Seller(policy).RequireAssertion(context => Allows(context.User, PartnerScopes.OrdersWrite)));

        builder.Services.AddOptions<SellersOptions>().BindConfiguration(SellersOptions.SectionName);
        builder.Services.AddHostedService<SellerClientSeeder>();

        return builder;
    }

    /// <summary>Documents the bearer tokens and the deprecated HTTP Basic in the OpenAPI document, on the seller operations.</summary>
    public static OpenApiOptions AddSellerSecurity(this OpenApiOptions options) => options
        .AddDocumentTransformer<SellerOpenApiTransformer>()
        .AddOperationTransformer<SellerOpenApiTransformer>();

    /// <summary>What the seller endpoints need beyond authentication and pricing.</summary>
    public static IHostApplicationBuilder AddSellerOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SellerOrderService>();
        return builder;
    }

    private static AuthorizationPolicyBuilder Seller(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(SellerAuthentication.SelectorScheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => context.User.GetClientId() is not null);

    private static bool Allows(ClaimsPrincipal user, string scope) =>
        user.Identity?.AuthenticationType == SellerAuthentication.Scheme || user.HasScope(scope);
}
