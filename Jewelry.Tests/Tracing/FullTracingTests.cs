using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.ShopData.Dtos;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;

namespace Jewelry.Tests.Tracing;

/// <summary>With the sampling ratio at 0, an order marked for full tracing is still traced in every service.</summary>
[Collection(UnsampledStackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class FullTracingTests(UnsampledStackFixture stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_marked_for_full_tracing_is_sampled_in_every_service_and_an_unmarked_one_is_not()
    {
        using var shop = stack.App.CreateHttpClient("shop-api");
        var marked = await PriceOrderAsync(shop, fullTracing: true);
        var unmarked = await PriceOrderAsync(shop, fullTracing: false);

        await Eventually.WaitUntilAsync(
            () => new[] { "shop-api", "crm-api", "mes-api" }.All(service => stack.Telemetry.Spans.Any(s => s.Service == service && s["order.id"] == marked.ToString()))
                && stack.Telemetry.Spans.Any(s => s.Service == "mes-api" && s.Kind == "CONSUMER" && s["order.id"] == marked.ToString()),
            TimeSpan.FromSeconds(30),
            "the marked order's spans are exported by shop-api, crm-api and mes-api, the MES's consumer span of the price request among them");

        // Both orders went through the same chains at the same time; the unmarked one left no span.
        var payloads = stack.Telemetry.PayloadCount;
        await Eventually.WaitUntilAsync(() => stack.Telemetry.PayloadCount >= payloads + 6, TimeSpan.FromSeconds(30), "two more export rounds");
        Assert.DoesNotContain(stack.Telemetry.Spans, s => s["order.id"] == unmarked.ToString());
    }

    private static async Task<Guid> PriceOrderAsync(HttpClient shop, bool fullTracing)
    {
        // Support engineers mark a request with a tracestate entry; it travels with the trace to every service.
        var traceId = ActivityTraceId.CreateRandom();
        HttpRequestMessage Marked(HttpMethod method, string path, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = content };
            if (fullTracing)
            {
                request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-00");
                request.Headers.Add("tracestate", "jewelry=full");
            }

            return request;
        }

        using var create = Marked(HttpMethod.Post, "/api/orders", JsonContent.Create(new { customerId = OrderJourneyDriver.NewCustomerId(), productType = "ring", material = "gold-585" }));
        using var created = await shop.SendAsync(create, Ct);
        var order = (await created.Content.ReadFromJsonAsync<OrderResponse>(Ct))!;

        var file = new ByteArrayContent(StlWriter.WriteBinary(MeshFactory.SampleRing()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", "model.stl" } };
        using var upload = Marked(HttpMethod.Put, $"/api/orders/{order.Id}/model", form);
        Assert.Equal(HttpStatusCode.OK, (await shop.SendAsync(upload, Ct)).StatusCode);
        using var submit = Marked(HttpMethod.Post, $"/api/orders/{order.Id}/submit");
        Assert.Equal(HttpStatusCode.Accepted, (await shop.SendAsync(submit, Ct)).StatusCode);

        await Eventually.WaitUntilAsync(
            async () => (await shop.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Ct))!.Status == "PRICE_CALCULATED",
            OrderJourneyDriver.MessageHop,
            $"order {order.Id} is priced");
        return order.Id;
    }
}
