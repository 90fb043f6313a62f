using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Tests.Hosting;

namespace Jewelry.Tests.Orders;

/// <summary>What the dashboard's journey of an order taken through its whole lifecycle must hold, and the wait for it.</summary>
internal static class ClosedOrderJourney
{
    private static readonly TimeSpan s_exportedWithin = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Each service exports on its own schedule: waits until every chain's hops have arrived, not just the statuses,
    /// so what a test reads next is the whole journey.
    /// </summary>
    public static async Task<JsonElement> WaitForClosedJourneyAsync(this HttpClient dashboard, Guid orderId)
    {
        JsonElement? journey = null;
        await Eventually.WaitUntilAsync(
            async () => (journey = await dashboard.JourneyAsync(orderId)) is { } j && MissingHops(j).Count == 0,
            s_exportedWithin,
            () => $"the journey of {orderId} has every status and hop; missing: {(journey is { } j ? string.Join("; ", MissingHops(j)) : "the whole order")}");
        return journey!.Value;
    }

    /// <summary>
    /// What each chain must show, by the status it made the order enter: the request that started it, the messages
    /// through RabbitMQ with their queues, the store and the database, and the status change itself.
    /// </summary>
    public static List<string> MissingHops(JsonElement journey)
    {
        var missing = new List<string>();
        var chains = journey.Items("chains").ToList();
        foreach (var status in Enum.GetValues<OrderStatus>().Select(s => s.ToName()))
        {
            var chain = chains.FirstOrDefault(c => c.Items("statusesEntered").Any(s => s.GetString() == status));
            if (chain.ValueKind == JsonValueKind.Undefined)
            {
                missing.Add($"no chain entered {status}");
                continue;
            }

            foreach (var (kind, service, name) in ExpectedHops(status))
            {
                if (!chain.Items("hops").Any(h => h.Text("kind") == kind && (service is null || h.Text("service") == service) && (name is null || h.Text("name")!.Contains(name, StringComparison.Ordinal))))
                {
                    missing.Add($"{status}: {kind} hop in {service ?? "any service"}{(name is null ? null : $" named '{name}'")}");
                }
            }
        }

        return missing;
    }

    private static IEnumerable<(string Kind, string? Service, string? Name)> ExpectedHops(string status)
    {
        // Shop or CRM records a status change, whichever wrote it; what matters is that the chain shows it.
        (string, string?, string?) Status() => ("Status", null, $"-> {status}");
        return status switch
        {
            "INITIATED" => [("Http", "shop-api", "POST"), ("Database", "shop-api", "orders"), Status()],
            "FILE_UPLOADED" => [("Http", "shop-api", "PUT"), ("Store", "shop-api", "PutObject"), ("Database", "shop-api", null), Status()],
            "SUBMITTED" => [("Http", "shop-api", "POST"), ("Http", "crm-api", "POST"), Status()],
            "PRICE_CALCULATED" =>
            [
                ("Queue", "crm-api", "send price.requested"), ("Queue", "mes-api", "process mes.price-requests"),
                ("Store", "mes-api", "GetObject"), ("Database", "mes-api", null),
                ("Queue", "mes-api", "send price.calculated"), ("Queue", "crm-api", "process crm.price-results"),
                ("Database", "crm-api", null), Status(),
            ],
            "MANUFACTURING_APPROVED" =>
            [
                ("Http", "crm-api", "POST"), Status(),
                ("Queue", "crm-api", "send manufacturing.approved"), ("Queue", "mes-api", "process mes.manufacturing-approvals"), ("Database", "mes-api", null),
            ],
            "CLOSED" => [("Http", "crm-api", "POST"), ("Database", "crm-api", null), Status()],
            _ =>
            [
                ("Http", "mes-api", "POST"), ("Database", "mes-api", null),
                ("Queue", "mes-api", "send production.stage-changed"), ("Queue", "crm-api", "process crm.production-events"), Status(),
            ],
        };
    }
}
