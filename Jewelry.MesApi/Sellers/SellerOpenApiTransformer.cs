using Jewelry.Contracts.Security;
using Jewelry.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jewelry.MesApi.Sellers;

/// <summary>Documents the bearer tokens (and the deprecated HTTP Basic) and marks the operations that need either.</summary>
public sealed class SellerOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        OpenApiSecuritySchemes.Declare(
            document,
            SellerAuthentication.BearerScheme,
            "bearer",
            $"External sellers: an access token from the token server ({TokenServer.TokenPath}, client credentials, scopes {string.Join(" and ", PartnerScopes.All)}), through the partner gateway.");
        OpenApiSecuritySchemes.Declare(
            document,
            SellerAuthentication.Scheme,
            "basic",
            "Deprecated: the client id as user name, the client secret as password. Use the bearer tokens.");
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == SellerAuthentication.Policy))
        {
            foreach (var scheme in new[] { SellerAuthentication.BearerScheme, SellerAuthentication.Scheme })
            {
                OpenApiSecuritySchemes.Require(operation, context.Document, scheme);
            }
        }

        return Task.CompletedTask;
    }
}
