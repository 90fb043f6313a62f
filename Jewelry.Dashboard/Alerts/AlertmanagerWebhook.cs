using System.Text.Json.Serialization;

namespace Jewelry.Dashboard.Alerts;

/// <summary>The body Alertmanager POSTs to a webhook receiver (<c>version</c> "4"), so what takes Alertmanager's webhooks takes ours.</summary>
public sealed record AlertmanagerWebhook(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("groupKey")] string GroupKey,
    [property: JsonPropertyName("truncatedAlerts")] int TruncatedAlerts,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receiver")] string Receiver,
    [property: JsonPropertyName("groupLabels")] IReadOnlyDictionary<string, string> GroupLabels,
    [property: JsonPropertyName("commonLabels")] IReadOnlyDictionary<string, string> CommonLabels,
    [property: JsonPropertyName("commonAnnotations")] IReadOnlyDictionary<string, string> CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string ExternalUrl,
    [property: JsonPropertyName("alerts")] IReadOnlyList<AlertmanagerAlert> Alerts);
