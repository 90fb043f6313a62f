using Microsoft.OpenApi;

namespace Jewelry.ServiceDefaults.Security;

/// <summary>What the APIs' OpenAPI transformers write about authentication: a scheme in the components, a requirement on an operation.</summary>
public static class OpenApiSecuritySchemes
{
    /// <summary>Declares an HTTP authentication scheme (<c>bearer</c> with JWTs, or <c>basic</c>) under <paramref name="name"/>.</summary>
    public static void Declare(OpenApiDocument document, string name, string httpScheme, string description)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = httpScheme,
            BearerFormat = httpScheme == "bearer" ? "JWT" : null,
            Description = description,
        };
    }

    /// <summary>Adds a requirement of the scheme <paramref name="name"/> to the operation, naming the roles it needs, if any.</summary>
    public static void Require(OpenApiOperation operation, OpenApiDocument? document, string name, params string[] roles)
    {
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(name, document)] = [.. roles],
        });
    }
}
