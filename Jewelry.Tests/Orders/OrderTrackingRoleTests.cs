using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Dashboard;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;

namespace Jewelry.Tests.Orders;

/// <summary>A support engineer on the stack's own dashboard: orders yes, telemetry without an order no, and every query audited.</summary>
[Collection(OrderTrackingCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OrderTrackingRoleTests(OrderTrackingStackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_support_user_follows_an_order_but_cannot_open_a_trace_without_one_and_every_query_is_audited()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
        await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");

        // The CRM records the status before the test can see it, but exports it on its own schedule.
        await Eventually.WaitUntilAsync(
            async () => await stack.Dashboard.JourneyAsync(order.Id) is { } j && j.Items("chains").Any(c => c.Items("statusesEntered").Any(s => s.GetString() == "PRICE_CALCULATED")),
            TimeSpan.FromSeconds(30),
            $"the dashboard has the chain that priced {order.Id}");

        // A request that carries no order: the Shop's OpenAPI document, with a trace id the test knows.
        var orderlessTraceId = ActivityTraceId.CreateRandom().ToHexString();
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json"))
        {
            request.Headers.Add("traceparent", $"00-{orderlessTraceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await stack.Shop.SendAsync(request, Ct);
            response.EnsureSuccessStatusCode();
        }

        await Eventually.WaitUntilAsync(
            async () =>
            {
                using var trace = await stack.Dashboard.GetAsync($"/api/traces/{orderlessTraceId}", Ct);
                return trace.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            $"the dashboard has trace {orderlessTraceId}");

        using var support = await DashboardSignIn.SignInAsync(stack.DashboardUrl, DemoUsers.SupportName, DemoUsers.SupportPassword, Ct);
        var journey = await support.JourneyAsync(order.Id);
        Assert.NotNull(journey);
        var chainTraceId = journey.Value.Items("chains").First(c => c.Items("statusesEntered").Any(s => s.GetString() == "PRICE_CALCULATED")).Text("traceId");

        using (var orderTrace = await support.GetAsync($"/api/traces/{chainTraceId}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, orderTrace.StatusCode);
            var trace = await orderTrace.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.All(trace.Items("spans"), s => Assert.Equal(order.Id.ToString(), s.GetProperty("attributes").Text("order.id")));
        }

        using (var orderless = await support.GetAsync($"/api/traces/{orderlessTraceId}", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, orderless.StatusCode);
            Assert.Equal("application/problem+json", orderless.Content.Headers.ContentType?.MediaType);
            var problem = await orderless.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(
                $"Support users can only see traces of orders, and no span of trace {orderlessTraceId} carries the attribute order.id.",
                problem.Text("detail"));
        }

        using (var search = await support.GetAsync("/api/traces?lookback=15m", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        }

        using (var stuck = await support.GetAsync("/api/orders/stuck", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, stuck.StatusCode);
        }

        // Who, when and what: each of the support user's queries, allowed or refused, as the admin reads the audit log.
        var audit = await stack.Dashboard.GetFromJsonAsync<JsonElement>($"/api/audit?user={DemoUsers.SupportName}&from={Uri.EscapeDataString(since.ToString("O"))}&limit=1000", Ct);
        var entries = audit.Items("entries").ToList();
        foreach (var (path, query, status) in new[]
        {
            ($"/api/orders/{order.Id}/journey", "", 200),
            ($"/api/traces/{chainTraceId}", "", 200),
            ($"/api/traces/{orderlessTraceId}", "", 403),
            ("/api/traces", "?lookback=15m", 403),
            ("/api/orders/stuck", "", 200),
        })
        {
            var entry = entries.FirstOrDefault(e => e.Text("path") == path && e.Text("query") == query);
            Assert.True(entry.ValueKind == JsonValueKind.Object, $"the audit log has the support user's GET {path}{query}; it has: {string.Join(", ", entries.Select(e => e.Text("path") + e.Text("query")))}");
            Assert.Equal("support", entry.Text("role"));
            Assert.Equal(status, entry.GetProperty("statusCode").GetInt32());
            Assert.InRange(entry.GetProperty("time").GetDateTimeOffset(), since, DateTimeOffset.UtcNow.AddSeconds(1));
        }
    }
}
