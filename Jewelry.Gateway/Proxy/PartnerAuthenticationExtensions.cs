using Jewelry.Contracts.Security;
using Jewelry.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

public static class PartnerAuthenticationExtensions
{
    /// <summary>Partner access tokens (audience <see cref="TokenAudiences.Partners"/>) and one policy per scope, named after it.</summary>
    public static IHostApplicationBuilder AddPartnerAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddBearerTokens(TokenAudiences.Partners);
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var scope in PartnerScopes.All)
        {
            authorization.AddPolicy(scope, policy => policy.RequireScope(scope));
        }

        return builder;
    }
}
