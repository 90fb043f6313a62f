namespace Jewelry.ShopApi.Crm;

/// <summary>
/// Calls the CRM API at <c>http://crm-api</c>, which service discovery resolves from
/// <c>services:crm-api:http:0</c>. The order-submission calls arrive with the order endpoints.
/// </summary>
public sealed class CrmApiClient(HttpClient httpClient)
{
    private readonly HttpClient _httpClient = httpClient;
}
