using System.Text.Json.Serialization;

namespace Jewelry.Dashboard.Alerts;

/// <summary>One alert of an <see cref="AlertmanagerWebhook"/>; <c>endsAt</c> is Go's zero time while it fires, as Alertmanager sends it.</summary>
public sealed record AlertmanagerAlert(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("startsAt")] string StartsAt,
    [property: JsonPropertyName("endsAt")] string EndsAt,
    [property: JsonPropertyName("generatorURL")] string GeneratorUrl,
    [property: JsonPropertyName("fingerprint")] string Fingerprint);
