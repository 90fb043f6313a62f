using Microsoft.AspNetCore.Mvc;
using Polly;

namespace Jewelry.ShopApi.Crm;

/// <summary>
/// Calls the CRM API at <c>https://crm-api</c>, which service discovery resolves from <c>services:crm-api:https:0</c>;
/// never over plain http.
/// The client's defaults retry a POST only when the CRM cannot have acted.
/// </summary>
public sealed class CrmApiClient(HttpClient httpClient)
{
    /// <summary>Asks the CRM to have the order's price calculated. The CRM's endpoint is idempotent.</summary>
    public async Task<PriceRequestOutcome> RequestPriceAsync(Guid orderId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.PostAsync(new Uri($"/api/orders/{orderId}/price-requests", UriKind.Relative), content: null, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new PriceRequestOutcome(PriceRequestResult.Accepted, status);
            }

            var detail = await ReadDetailAsync(response, cancellationToken);
            return status is >= 500 or StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests
                ? new PriceRequestOutcome(PriceRequestResult.Unreachable, status, detail)
                : new PriceRequestOutcome(PriceRequestResult.Refused, status, detail);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new PriceRequestOutcome(PriceRequestResult.Unreachable, Detail: ex.Message);
        }
    }

    private static async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(cancellationToken);
            return problem?.Detail ?? problem?.Title;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or HttpRequestException)
        {
            return response.ReasonPhrase;
        }
    }
}
