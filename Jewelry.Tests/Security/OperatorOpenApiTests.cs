using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Security;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Security;

/// <summary>The CRM's and the MES's OpenAPI documents say which operations need an operator's token, and which role a change needs.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OperatorOpenApiTests(StackFixture stack)
{
    private const string Scheme = "Operator";

    [Theory]
    [InlineData("crm-api")]
    [InlineData("mes-api")]
    public async Task The_document_declares_the_operators_bearer_scheme_and_puts_it_on_every_operator_route_only(string service)
    {
        using var anonymous = stack.App.CreateHttpClient(service);
        using var response = await anonymous.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty(Scheme);
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());

        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(o => (Method: o.Name.ToUpperInvariant(), Route: path.Name, Roles: RequiredRoles(o.Value))))
            .ToList();
        Assert.NotEmpty(operations);
        foreach (var (method, route, roles) in operations)
        {
            var isOperatorRoute = !route.StartsWith(SellerApi.Prefix, StringComparison.Ordinal) && route != OperatorRoutes.ShopPriceRequest;
            if (!isOperatorRoute)
            {
                Assert.True(roles is null, $"{method} {route} is not an operator route, yet asks for an operator's token");
                continue;
            }

            Assert.True(roles is not null, $"{method} {route} does not say it needs an operator's token");

            // Reads are for any operator or viewer; every change here is a POST and needs the operator role.
            Assert.Equal(method == "GET" ? [] : [OperatorRoles.Operator], roles);
        }
    }

    /// <summary>The roles the operation's requirement of the operators' scheme names, or null when it has none.</summary>
    private static string[]? RequiredRoles(JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
            ? security.EnumerateArray()
                .Where(requirement => requirement.TryGetProperty(Scheme, out _))
                .Select(requirement => requirement.GetProperty(Scheme).EnumerateArray().Select(r => r.GetString()!).ToArray())
                .FirstOrDefault()
            : null;
}
