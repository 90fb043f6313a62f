using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Tests.Orders;

namespace Jewelry.Tests.Alerts;

/// <summary>Alerts as a client reads them: <c>GET /api/alerts</c> and the webhook bodies, raw JSON.</summary>
internal static class AlertJson
{
    public static async Task<JsonElement> AlertsAsync(this HttpClient dashboard) =>
        await dashboard.GetFromJsonAsync<JsonElement>("/api/alerts", TestContext.Current.CancellationToken);

    /// <summary>The alert of <paramref name="rule"/> about <paramref name="queue"/> in <c>GET /api/alerts</c>, if there is one.</summary>
    public static JsonElement? AlertOf(this JsonElement report, string rule, string queue) =>
        report.Items("alerts").Where(alert => alert.Text("rule") == rule && alert.Text("queue") == queue).Cast<JsonElement?>().FirstOrDefault();

    public static IEnumerable<string?> OrderIds(this JsonElement alert) => alert.Items("orders").Select(order => order.Text("orderId"));

    /// <summary>The single alert of a webhook body (each of ours carries one).</summary>
    public static JsonElement OnlyAlert(this JsonElement webhook) => webhook.Items("alerts").Single();

    public static string? Label(this JsonElement webhook, string name) => webhook.OnlyAlert().GetProperty("labels").Text(name);

    public static string? Annotation(this JsonElement webhook, string name) => webhook.OnlyAlert().GetProperty("annotations").Text(name);

    public static bool Is(this JsonElement webhook, string status, string rule, string queue) =>
        webhook.Text("status") == status && webhook.Label("alertname") == rule && webhook.Label("queue") == queue;
}
