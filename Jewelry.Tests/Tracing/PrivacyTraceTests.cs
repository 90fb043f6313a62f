using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.ShopData.Dtos;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Tracing;

/// <summary>Personal data and secrets that enter the system never leave a service in its telemetry.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class PrivacyTraceTests(StackFixture stack)
{
    private const string CustomerName = "Anna Petrova-Sidorova";
    private const string Email = "anna.petrova.test@example.ru";
    private const string Phone = "+7 912 345-67-89";
    private const string BearerToken = "s3cr3t-b3arer-t0ken-value";

    private readonly OrderJourneyDriver _orders = new(stack);
    private readonly TraceQuery _traces = new(stack.Telemetry);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_name_an_email_and_a_phone_in_notes_and_headers_appear_nowhere_in_exported_telemetry()
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId = OrderJourneyDriver.NewCustomerId(),
                productType = "ring",
                material = "silver-925",
                notes = $"Engrave for {CustomerName}; call {Phone} or write to {Email}",
            }),
        };
        create.Headers.Add("X-Customer-Name", CustomerName);
        create.Headers.Add("X-Customer-Email", Email);
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        create.Headers.UserAgent.ParseAdd($"jewelry-test/1.0 (contact {Email})");
        using var created = await stack.Shop.SendAsync(create, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = (await created.Content.ReadFromJsonAsync<OrderResponse>(Ct))!;
        Assert.Contains(Email, order.Notes, StringComparison.Ordinal); // the data is really in the system

        using (var upload = await _orders.UploadAsync(order.Id, StlWriter.WriteBinary(MeshFactory.SampleRing()), $"{CustomerName} ring.stl"))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await _orders.SubmitAsync(order.Id)).StatusCode);
        await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");

        // Wait until every service has exported this order's spans, then for a few more export rounds
        // so the logs and metrics written meanwhile have left the services too.
        await Eventually.WaitUntilAsync(
            () => new[] { "shop-api", "crm-api", "mes-api" }.All(service => _traces.OfOrder(order.Id).Any(s => s.Service == service)),
            TimeSpan.FromSeconds(30),
            "all three services exported spans of the order");
        var payloads = stack.Telemetry.PayloadCount;
        await Eventually.WaitUntilAsync(() => stack.Telemetry.PayloadCount >= payloads + 9, TimeSpan.FromSeconds(30), "three more export rounds");

        foreach (var secret in new[] { CustomerName, "Petrova", Email, Phone, "912 345-67-89", BearerToken })
        {
            Assert.False(stack.Telemetry.AnyPayloadContains(secret), $"'{secret}' was exported");
        }

        Assert.True(stack.Telemetry.AnyPayloadContains(order.Id.ToString()), "the order itself is traced");
    }

    [Fact]
    public async Task External_seller_calls_carry_the_client_id_method_route_and_status_but_never_the_secret()
    {
        // Its own trace id: other tests (the malformed-request corpus) call the same route on the same stack.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/seller/orders");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-seller:demo-seller-secret-7f3c9a2e41b8d6f0")));
        using var response = await stack.Mes.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        CapturedSpan? span = null;
        await Eventually.WaitUntilAsync(
            () => (span = stack.Telemetry.Spans.LastOrDefault(s => s.TraceId == traceId && s.Service == "mes-api" && s.Kind == "SERVER" && s["http.route"] == "/api/seller/orders")) is not null,
            TimeSpan.FromSeconds(30),
            () => $"the seller call's span is exported; mes-api spans: {string.Join(", ", stack.Telemetry.Spans.Where(s => s.Service == "mes-api").Select(s => $"{s.Name} [{s["http.route"]}]").Distinct())}; requests {stack.Telemetry.RequestSummary}; spans by service {string.Join(", ", stack.Telemetry.Spans.GroupBy(s => s.Service).Select(g => $"{g.Key}={g.Count()}"))}; {string.Join(" | ", stack.Log.Split('\n').Where(l => l.StartsWith("[mes-api]", StringComparison.Ordinal) && (l.Contains("fail", StringComparison.Ordinal) || l.Contains("warn", StringComparison.Ordinal) || l.Contains("xception", StringComparison.Ordinal))).TakeLast(8))}");

        Assert.Equal("demo-seller", span!["seller.client_id"]);
        Assert.Equal("GET", span["http.request.method"]);
        Assert.Equal("200", span["http.response.status_code"]);
        Assert.False(stack.Telemetry.AnyPayloadContains("demo-seller-secret-7f3c9a2e41b8d6f0"));
        Assert.False(stack.Telemetry.AnyPayloadContains("ZGVtby1zZWxsZXI6ZGVtby1zZWxsZXItc2VjcmV0"));
    }
}
