using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Contracts.Topology;

namespace Jewelry.Tests.Orders;

/// <summary>The dashboard's order API as tests read it: raw JSON, so a test asserts on what a client really gets.</summary>
internal static class DashboardJourneyClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The order's journey, or null while no span of it is stored yet.</summary>
    public static async Task<JsonElement?> JourneyAsync(this HttpClient dashboard, Guid orderId)
    {
        using var response = await dashboard.GetAsync($"/api/orders/{orderId}/journey", Ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task<JsonElement> StuckAsync(this HttpClient dashboard) =>
        await dashboard.GetFromJsonAsync<JsonElement>("/api/orders/stuck", Ct);

    /// <summary>The order is stuck in SUBMITTED, waiting on its price request, which is lost in the MES's price queue.</summary>
    public static bool IsListedAsWaitingForPrice(this JsonElement report, Guid orderId) =>
        report.Items("stuckOrders").Any(o => o.IsFor(orderId) && o.Text("status") == "SUBMITTED"
            && o.TryGetProperty("waitingOn", out var message) && message.ValueKind == JsonValueKind.Object)
        && report.Items("lostMessages").Any(m => m.IsFor(orderId) && m.Text("queue") == OrderTopology.MesPriceRequests.Name && m.Text("routingKey") == RoutingKeys.PriceRequested);

    public static IEnumerable<JsonElement> Items(this JsonElement element, string property) => element.GetProperty(property).EnumerateArray();

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsFor(this JsonElement element, Guid orderId) => element.Text("orderId") == orderId.ToString();
}
