using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Tests.Corpus;

namespace Jewelry.Tests.Security;

/// <summary>The operator routes of the CRM and the MES, read from their OpenAPI documents: every operation but the MES's seller routes and the Shop's call into the CRM.</summary>
internal static class OperatorRoutes
{
    /// <summary>Service to service: the Shop asks the CRM for a submitted order's price; no operator is involved.</summary>
    public const string ShopPriceRequest = "/api/orders/{id}/price-requests";

    public static async Task<IReadOnlyList<(string Service, ApiOperation Operation)>> ReadAsync(HttpClient crm, HttpClient mes)
    {
        var routes = new List<(string, ApiOperation)>();
        foreach (var (service, client) in new[] { ("crm-api", crm), ("mes-api", mes) })
        {
            using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            routes.AddRange(OpenApiDocumentReader.Read(document.RootElement)
                .Where(o => !o.Route.StartsWith(SellerApi.Prefix, StringComparison.Ordinal) && o.Route != ShopPriceRequest)
                .Select(o => (service, o)));
        }

        return routes;
    }

    /// <summary>A request to <paramref name="operation"/> for an order that does not exist.</summary>
    public static HttpRequestMessage Request(ApiOperation operation, string? token)
    {
        var path = operation.PathParameters.Aggregate(operation.Route, (route, p) => route.Replace($"{{{p.Name}}}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.HasBody)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = SellerRequests.Bearer(token);
        }

        return request;
    }
}
