using Jewelry.Contracts.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jewelry.ServiceDefaults.Security;

/// <summary>
/// Documents the operators' bearer tokens and marks every operation behind <see cref="OperatorAuthentication.ReadPolicy"/>
/// or <see cref="OperatorAuthentication.WritePolicy"/> with them; a write names the role it needs (OpenAPI 3.1 allows
/// role names in a requirement of a non-OAuth scheme).
/// </summary>
public sealed class OperatorOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        OpenApiSecuritySchemes.Declare(
            document,
            OperatorAuthentication.Scheme,
            "bearer",
            $"Staff: an access token from the token server ({TokenServer.TokenPath}, password grant through the client {OperatorConsole.ClientId}) whose {OperatorRoles.ClaimType} claim is {string.Join(" or ", OperatorRoles.All)}; {OperatorRoles.Viewer} reads only.");
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Contains(OperatorAuthentication.WritePolicy))
        {
            OpenApiSecuritySchemes.Require(operation, context.Document, OperatorAuthentication.Scheme, OperatorRoles.Operator);
        }
        else if (policies.Contains(OperatorAuthentication.ReadPolicy))
        {
            OpenApiSecuritySchemes.Require(operation, context.Document, OperatorAuthentication.Scheme);
        }

        return Task.CompletedTask;
    }
}
