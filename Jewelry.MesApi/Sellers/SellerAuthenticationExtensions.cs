using Jewelry.MesApi.Sellers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;

namespace Microsoft.Extensions.Hosting;

public static class SellerAuthenticationExtensions
{
    /// <summary>
    /// HTTP Basic authentication for external sellers (scheme and policy used only by the seller endpoints)
    /// and the seeding of the sellers configured under <c>Sellers:Clients</c>. Call after <c>AddMesData</c>:
    /// the seeder runs once the database is migrated.
    /// </summary>
    public static IHostApplicationBuilder AddSellerAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SellerAuthenticationHandler>(SellerAuthentication.Scheme, configureOptions: null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SellerAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(SellerAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(SellerClaims.ClientId));

        builder.Services.AddOptions<SellersOptions>().BindConfiguration(SellersOptions.SectionName);
        builder.Services.AddHostedService<SellerClientSeeder>();

        return builder;
    }

    /// <summary>Documents HTTP Basic in the OpenAPI document, on the seller operations.</summary>
    public static OpenApiOptions AddSellerSecurity(this OpenApiOptions options) => options
        .AddDocumentTransformer<SellerOpenApiTransformer>()
        .AddOperationTransformer<SellerOpenApiTransformer>();

    /// <summary>What the seller endpoints need beyond authentication and pricing.</summary>
    public static IHostApplicationBuilder AddSellerOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SellerOrderService>();
        return builder;
    }
}
