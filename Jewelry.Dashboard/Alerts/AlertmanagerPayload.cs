using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// Builds the webhook body for one alert's firing or resolution. Each alert is its own group (all its labels group it),
/// so a receiver that groups by <c>groupKey</c> pairs the resolution with its firing.
/// </summary>
public static class AlertmanagerPayload
{
    public const string Version = "4";

    /// <summary>Go's zero time: Alertmanager's <c>endsAt</c> of an alert that has not ended.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public const string JourneysAnnotation = "journeys";

    public static AlertmanagerWebhook For(StoredAlert alert, string receiver, Uri externalUrl)
    {
        var state = Status(alert.State);
        var annotations = new Dictionary<string, string>(alert.Annotations, StringComparer.Ordinal);
        if (alert.Orders.Count > 0)
        {
            annotations[JourneysAnnotation] = string.Join(" ", alert.Orders.Select(order => JourneyUrl(externalUrl, order)));
        }

        var labels = new SortedDictionary<string, string>(alert.Labels.ToDictionary(), StringComparer.Ordinal);
        var item = new AlertmanagerAlert(
            state,
            labels,
            annotations,
            Time(alert.StartsAt),
            alert.EndsAt is { } ended ? Time(ended) : ZeroTime,
            AlertUrl(externalUrl, alert.Fingerprint),
            alert.Fingerprint);
        return new AlertmanagerWebhook(
            Version,
            GroupKey(labels),
            TruncatedAlerts: 0,
            state,
            receiver,
            new Dictionary<string, string>(labels, StringComparer.Ordinal),
            labels,
            annotations,
            externalUrl.AbsoluteUri,
            [item]);
    }

    public static string Serialize(AlertmanagerWebhook webhook) => JsonSerializer.Serialize(webhook);

    public static string Status(AlertState state) => state == AlertState.Firing ? "firing" : "resolved";

    /// <summary>Alertmanager's form, <c>{}:{alertname="x", queue="y"}</c>: the route (the root) and the group's labels.</summary>
    public static string GroupKey(IReadOnlyDictionary<string, string> labels)
    {
        var key = new StringBuilder("{}:{");
        key.AppendJoin(", ", labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => $"{label.Key}={Quote(label.Value)}"));
        return key.Append('}').ToString();
    }

    public static string JourneyUrl(Uri externalUrl, string orderId) => new Uri(externalUrl, $"orders/{Uri.EscapeDataString(orderId)}").AbsoluteUri;

    public static string AlertUrl(Uri externalUrl, string fingerprint) => new Uri(externalUrl, $"alerts#{fingerprint}").AbsoluteUri;

    /// <summary>A label value in double quotes, backslashes, quotes and line breaks escaped, as Go's %q writes it.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
