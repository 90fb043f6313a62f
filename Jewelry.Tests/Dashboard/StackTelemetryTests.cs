using System.Diagnostics;

using Jewelry.Tests.Orders;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// The whole stack as the AppHost wires it, every service exporting to the stack's own Jewelry dashboard (OTLP/gRPC,
/// API key) beside the standard exporter: what the real services export lands, and is found by trace id, service and order.id.
/// </summary>
[Collection(OrderTrackingCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class StackTelemetryTests(OrderTrackingStackFixture stack)
{
    [Fact]
    public async Task Telemetry_from_the_running_services_is_found_by_trace_id_service_and_order_id()
    {
        // A request that arrives with a trace context and order.id baggage, as one from the shop's front end would.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var orderId = Guid.NewGuid().ToString();
        using var http = stack.App.CreateHttpClient("shop-api");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add("baggage", $"order.id={orderId}");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        using var trace = await stack.Dashboard.WaitForTraceAsync(traceId, 1, TimeSpan.FromSeconds(30));
        var span = trace.RootElement.GetProperty("spans").EnumerateArray()
            .First(s => s.GetProperty("serviceName").GetString() == "shop-api" && s.GetProperty("kind").GetString() == "Server");
        Assert.Equal(orderId, span.GetProperty("attributes").GetProperty("order.id").GetString());
        var resource = trace.RootElement.GetProperty("resources").GetProperty(span.GetProperty("resourceId").GetString()!);
        Assert.True(resource.GetProperty("attributes").TryGetProperty("service.instance.id", out _));

        Assert.Contains(traceId, await stack.Dashboard.SearchTraceIdsAsync("service=shop-api&lookback=15m"));
        Assert.Equal([traceId], await stack.Dashboard.SearchTraceIdsAsync($"attr=order.id%3D{orderId}"));
    }
}
