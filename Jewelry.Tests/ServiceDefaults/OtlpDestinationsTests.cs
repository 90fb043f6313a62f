using System.Diagnostics;
using System.Net;
using Jewelry.Contracts.Telemetry;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>
/// The standard OTLP destination (the Aspire dashboard, or a test's receiver) and the Jewelry dashboard's, each
/// optional; both receive the same telemetry, redacted before it leaves.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OtlpDestinationsTests
{
    private const string Email = "jane.doe@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_span_reaches_both_destinations_redacted_in_each()
    {
        await using var standard = await OtlpTestReceiver.StartAsync();
        await using var dashboard = await OtlpTestReceiver.StartAsync();
        var settings = DefaultsTestService.ExportingTo(standard);
        settings[JewelryDashboardExport.EndpointVariable] = dashboard.Endpoint.ToString();
        settings[JewelryDashboardExport.ProtocolVariable] = "http/protobuf";
        settings[JewelryDashboardExport.HeadersVariable] = "x-otlp-api-key=dashboard-key";

        await using (var service = await DefaultsTestService.StartAsync(settings, MapCustomer))
        {
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/customers/42", Ct)).StatusCode);
        }

        var sent = Assert.Single(standard.Spans, s => s.Kind == "SERVER" && s.Name == "GET /customers/{id}");
        var received = Assert.Single(dashboard.Spans, s => s.Kind == "SERVER" && s.Name == "GET /customers/{id}");
        Assert.Equal((sent.TraceId, sent.SpanId), (received.TraceId, received.SpanId));
        Assert.All([sent, received], span => Assert.Equal("write to [redacted]", span["customer.comment"]));
        Assert.False(standard.AnyPayloadContains(Email), "the standard destination received the e-mail address");
        Assert.False(dashboard.AnyPayloadContains(Email), "the Jewelry dashboard received the e-mail address");
        Assert.True(dashboard.AnyPayloadContains("Looked up customer 42"), "the Jewelry dashboard received the log record");
    }

    [Fact]
    public async Task The_jewelry_dashboard_alone_receives_everything_when_no_standard_destination_is_set()
    {
        await using var dashboard = await OtlpTestReceiver.StartAsync();
        Dictionary<string, string?> settings = new()
        {
            [JewelryDashboardExport.EndpointVariable] = dashboard.Endpoint.ToString(),
            [JewelryDashboardExport.ProtocolVariable] = "http/protobuf",
        };

        await using (var service = await DefaultsTestService.StartAsync(settings, MapCustomer))
        {
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/customers/42", Ct)).StatusCode);
        }

        Assert.Single(dashboard.Spans, s => s.Kind == "SERVER" && s.Name == "GET /customers/{id}");
        Assert.True(dashboard.AnyPayloadContains("Looked up customer 42"), "the Jewelry dashboard received the log record");
    }

    [Fact]
    public async Task Metrics_go_to_the_jewelry_dashboard_at_its_own_interval_not_the_standard_one()
    {
        await using var standard = await OtlpTestReceiver.StartAsync();
        await using var dashboard = await OtlpTestReceiver.StartAsync();
        var settings = DefaultsTestService.ExportingTo(standard);
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "600000";
        settings[JewelryDashboardExport.EndpointVariable] = dashboard.Endpoint.ToString();
        settings[JewelryDashboardExport.ProtocolVariable] = "http/protobuf";
        settings[JewelryDashboardExport.MetricExportIntervalVariable] = "200";

        await using var service = await DefaultsTestService.StartAsync(settings, MapCustomer);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/customers/42", Ct)).StatusCode);

        // Two exports prove a period; the standard destination's first comes only after ten minutes.
        await Eventually.WaitUntilAsync(
            () => dashboard.Accepted("/v1/metrics") >= 2,
            TimeSpan.FromSeconds(20),
            () => $"the Jewelry dashboard receives metrics every 200 ms; it got {dashboard.RequestSummary}");
        Assert.Equal(0, standard.Accepted("/v1/metrics"));
    }

    private static void MapCustomer(WebApplication app)
        => app.MapGet("/customers/{id}", (string id, ILogger<OtlpDestinationsTests> logger) =>
        {
            Activity.Current?.SetTag("customer.comment", $"write to {Email}");
            logger.LogInformation("Looked up customer {CustomerId} for {Email}", id, Email);
            return TypedResults.Ok();
        });
}
