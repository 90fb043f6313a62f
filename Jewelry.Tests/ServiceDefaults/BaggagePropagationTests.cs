using System.Net;
using Jewelry.Messaging;
using Jewelry.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>
/// order.id rides in the Activity's baggage from a service to the services it calls, including what the
/// service added to the baggage it received, with the HttpClient and ASP.NET Core instrumentation on.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BaggagePropagationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outgoing_call_carries_the_baggage_received_and_the_order_added_to_it()
    {
        string? received = null;
        var downstreamBuilder = WebApplication.CreateSlimBuilder();
        downstreamBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        downstreamBuilder.Logging.ClearProviders();
        await using var downstream = downstreamBuilder.Build();
        downstream.MapGet("/prices", (HttpRequest request) =>
        {
            received = request.Headers["baggage"].ToString();
            return TypedResults.Ok();
        });
        await downstream.StartAsync(Ct);

        var orderId = Guid.NewGuid();
        Dictionary<string, string?> settings = new() { ["services:mes-api:http:0"] = downstream.Urls.First() };
        await using (var service = await DefaultsTestService.StartAsync(settings, app =>
            app.MapGet("/orders/{id:guid}/price", async (Guid id, IHttpClientFactory clients) =>
            {
                using var client = clients.CreateClient();
                using var response = await client.GetAsync(new Uri("http://mes-api/prices"));
                return TypedResults.StatusCode((int)response.StatusCode);
            })))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{orderId}/price");
            request.Headers.Add("baggage", $"{OrderTelemetry.UserId}=customer-7");
            using var response = await service.Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var baggage = W3CBaggage.Parse(received).ToDictionary(StringComparer.Ordinal);
        Assert.Equal(orderId.ToString(), baggage.GetValueOrDefault(OrderTelemetry.OrderId));
        Assert.Equal("customer-7", baggage.GetValueOrDefault(OrderTelemetry.UserId));
    }
}
