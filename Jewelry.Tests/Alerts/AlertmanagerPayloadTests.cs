using System.Text.Json;
using Jewelry.Dashboard.Alerts;

namespace Jewelry.Tests.Alerts;

/// <summary>The webhook body is Alertmanager's (version 4), so what takes Alertmanager's webhooks takes ours.</summary>
[Trait("Category", "Unit")]
public sealed class AlertmanagerPayloadTests
{
    private static readonly Uri s_dashboard = new("https://telemetry.example/");
    private static readonly DateTimeOffset s_start = new(2026, 12, 3, 12, 0, 1, 250, TimeSpan.Zero);

    private static StoredAlert Alert(AlertState state, DateTimeOffset? endsAt) => new(
        "0123456789abcdef",
        "messages-not-consumed",
        AlertKind.LostMessages,
        new Dictionary<string, string> { ["alertname"] = "messages-not-consumed", ["queue"] = "mes.price-requests", ["service"] = "mes-api" },
        new Dictionary<string, string> { ["summary"] = "2 messages to mes.price-requests not consumed within 15s", ["orders"] = "o-1,o 2" },
        state,
        s_start,
        endsAt,
        2,
        ["o-1", "o 2"],
        s_start);

    private static JsonElement Json(StoredAlert alert) =>
        JsonDocument.Parse(AlertmanagerPayload.Serialize(AlertmanagerPayload.For(alert, "chat", s_dashboard))).RootElement;

    [Fact]
    public void A_firing_alert_has_every_field_of_the_format_and_go_zero_time_as_its_end()
    {
        var body = Json(Alert(AlertState.Firing, null));

        Assert.Equal(
            ["version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "alerts"],
            body.EnumerateObject().Select(property => property.Name));
        Assert.Equal("4", body.GetProperty("version").GetString());
        Assert.Equal("firing", body.GetProperty("status").GetString());
        Assert.Equal("chat", body.GetProperty("receiver").GetString());
        Assert.Equal("https://telemetry.example/", body.GetProperty("externalURL").GetString());
        Assert.Equal("""{}:{alertname="messages-not-consumed", queue="mes.price-requests", service="mes-api"}""", body.GetProperty("groupKey").GetString());
        Assert.Equal(0, body.GetProperty("truncatedAlerts").GetInt32());
        Assert.Equal("mes.price-requests", body.GetProperty("commonLabels").GetProperty("queue").GetString());

        var alert = Assert.Single(body.GetProperty("alerts").EnumerateArray());
        Assert.Equal(
            ["status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint"],
            alert.EnumerateObject().Select(property => property.Name));
        Assert.Equal("firing", alert.GetProperty("status").GetString());
        Assert.Equal("2026-12-03T12:00:01.250Z", alert.GetProperty("startsAt").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", alert.GetProperty("endsAt").GetString());
        Assert.Equal("https://telemetry.example/alerts#0123456789abcdef", alert.GetProperty("generatorURL").GetString());
        Assert.Equal("0123456789abcdef", alert.GetProperty("fingerprint").GetString());
        Assert.Equal("mes-api", alert.GetProperty("labels").GetProperty("service").GetString());
        Assert.Equal(
            "https://telemetry.example/orders/o-1 https://telemetry.example/orders/o%202",
            alert.GetProperty("annotations").GetProperty(AlertmanagerPayload.JourneysAnnotation).GetString());
    }

    [Fact]
    public void A_resolution_has_the_same_group_key_and_start_and_its_end()
    {
        var firing = Json(Alert(AlertState.Firing, null));
        var resolved = Json(Alert(AlertState.Resolved, s_start.AddMinutes(3)));

        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(firing.GetProperty("groupKey").GetString(), resolved.GetProperty("groupKey").GetString());
        var alert = resolved.GetProperty("alerts")[0];
        Assert.Equal("resolved", alert.GetProperty("status").GetString());
        Assert.Equal("2026-12-03T12:00:01.250Z", alert.GetProperty("startsAt").GetString());
        Assert.Equal("2026-12-03T12:03:01.250Z", alert.GetProperty("endsAt").GetString());
    }

    [Fact]
    public void Label_values_are_quoted_in_the_group_key_as_go_quotes_them()
    {
        var key = AlertmanagerPayload.GroupKey(new Dictionary<string, string> { ["stage"] = "say \"hi\"", ["alertname"] = "a" });

        Assert.Equal("""{}:{alertname="a", stage="say \"hi\""}""", key);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(10, 30)]
    public void Redelivery_waits_double_each_failure_up_to_the_maximum(int failedBefore, int expectedSeconds)
    {
        var options = new AlertOptions { RedeliveryDelay = TimeSpan.FromSeconds(1), MaxRedeliveryDelay = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), WebhookDeliveryService.RedeliveryDelay(failedBefore, options));
    }
}
