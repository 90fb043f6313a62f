using System.Globalization;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Jewelry.Tests.Tracing;

namespace Jewelry.Tests.Alerts;

/// <summary>
/// The whole stack as the AppHost runs it, with short thresholds and a one-second evaluation interval so alerts fire within
/// seconds, and three webhook receivers of the test's own: one that takes every call, one that answers 500, one that never
/// answers. The dashboard's own metrics go to <see cref="Telemetry"/>, where the delivery failures must show.
/// </summary>
public sealed class AlertsStackFixture : IAsyncLifetime, IJewelryApis
{
    public static readonly TimeSpan LostMessageAfter = TimeSpan.FromSeconds(5);

    private readonly TestLog _log = new();

    public DistributedApplication App { get; private set; } = null!;

    public string Log => _log.ToString();

    public HttpClient Shop { get; private set; } = null!;

    public HttpClient Crm { get; private set; } = null!;

    public HttpClient Mes { get; private set; } = null!;

    /// <summary>The dashboard's JSON API, signed in as the operator (an admin).</summary>
    internal HttpClient Dashboard { get; private set; } = null!;

    internal Uri DashboardUrl { get; private set; } = null!;

    internal WebhookReceiver Webhooks { get; private set; } = null!;

    internal OtlpTestReceiver Telemetry { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Webhooks = WebhookReceiver.Start();
        Telemetry = await OtlpTestReceiver.StartAsync();
        var builder = (await JewelryAppHost.CreateBuilderAsync(_log))
            .WithServiceEnvironment("Dashboard__Orders__LostMessageAfter", Invariant(LostMessageAfter), "dashboard")
            .WithServiceEnvironment("Dashboard__Orders__Thresholds__SUBMITTED", Invariant(TimeSpan.FromSeconds(10)), "dashboard")
            .WithServiceEnvironment("Dashboard__Alerts__Interval", Invariant(TimeSpan.FromSeconds(1)), "dashboard")
            .WithServiceEnvironment("Dashboard__RabbitMQ__Interval", Invariant(TimeSpan.FromSeconds(2)), "dashboard")
            .WithServiceEnvironment("Dashboard__Alerts__RedeliveryDelay", Invariant(TimeSpan.FromSeconds(1)), "dashboard")
            .WithServiceEnvironment("Dashboard__Alerts__MaxRedeliveryDelay", Invariant(TimeSpan.FromSeconds(2)), "dashboard")
            .WithServiceEnvironment("Dashboard__Alerts__Delivery__Retry__Delay", Invariant(TimeSpan.FromMilliseconds(100)), "dashboard")
            .WithServiceEnvironment("Dashboard__Alerts__Delivery__AttemptTimeout__Timeout", Invariant(TimeSpan.FromSeconds(1)), "dashboard")
            .WithServiceEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint.ToString().TrimEnd('/'), "dashboard")
            .WithServiceEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "dashboard")
            .WithServiceEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000", "dashboard");
        foreach (var path in new[] { WebhookReceiver.Ok, WebhookReceiver.Failing, WebhookReceiver.Hanging })
        {
            builder.WithServiceEnvironment($"Dashboard__Alerts__Receivers__{path}__Url", Webhooks.UrlOf(path).ToString(), "dashboard");
        }

        App = await JewelryAppHost.StartAsync(builder, _log);
        Shop = App.CreateHttpClient("shop-api");
        Crm = App.CreateHttpClient("crm-api");
        Mes = App.CreateHttpClient("mes-api");
        DashboardUrl = App.GetEndpoint("dashboard", "http");
        Dashboard = await App.SignInToJewelryDashboardAsync();
    }

    public Task WaitUntilAllHealthyAsync() => App.WaitUntilAllHealthyAsync();

    public async ValueTask DisposeAsync()
    {
        Shop?.Dispose();
        Crm?.Dispose();
        Mes?.Dispose();
        Dashboard?.Dispose();
        if (App is not null)
        {
            await App.StopAndDisposeAsync();
        }

        if (Webhooks is not null)
        {
            await Webhooks.DisposeAsync();
        }

        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        _log.Dispose();
    }

    private static string Invariant(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
