using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Tracing;

[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class TelemetryExportTests(StackFixture stack)
{
    private static readonly string[] s_services = ["shop-api", "crm-api", "mes-api"];

    [Fact]
    public async Task Every_service_exports_spans_under_its_resource_name_and_no_health_probe_spans()
    {
        await Eventually.WaitUntilAsync(
            () => s_services.All(service => stack.Telemetry.Spans.Any(s => s.Service == service)),
            TimeSpan.FromSeconds(30),
            "spans from shop-api, crm-api and mes-api reach the OTLP receiver");

        // The AppHost probes /health every few seconds; none of that may be traced.
        Assert.DoesNotContain(stack.Telemetry.Spans, s => s["url.path"] is "/health" or "/alive");
    }
}
