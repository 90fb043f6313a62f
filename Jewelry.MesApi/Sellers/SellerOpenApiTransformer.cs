using Jewelry.Contracts.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jewelry.MesApi.Sellers;

/// <summary>Documents the bearer tokens (and the deprecated HTTP Basic) and marks the operations that need either.</summary>
public sealed class SellerOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SellerAuthentication.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"External sellers: an access token from the token server ({TokenServer.TokenPath}, client credentials, scopes {string.Join(" and ", PartnerScopes.All)}), through the partner gateway.",
        };
        document.Components.SecuritySchemes[SellerAuthentication.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "Deprecated: the client id as user name, the client secret as password. Use the bearer tokens.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == SellerAuthentication.Policy))
        {
            operation.Security ??= [];
            foreach (var scheme in new[] { SellerAuthentication.BearerScheme, SellerAuthentication.Scheme })
            {
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
                });
            }
        }

        return Task.CompletedTask;
    }
}
