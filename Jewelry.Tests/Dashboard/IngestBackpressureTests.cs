using System.Net;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// The queue is bounded and never blocks an exporter: with the database out of reach it fills, then further
/// requests are refused at once with a retryable status, and every refused record is counted.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class IngestBackpressureTests
{
    [Fact]
    public async Task A_full_queue_refuses_requests_with_a_retryable_status_and_counts_what_it_refused()
    {
        // Nothing listens on this port: the store never becomes ready, so nothing leaves the queue.
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Password=x;Database=telemetrydb;Timeout=1";
        await using var dashboard = await DashboardProcess.StartAsync(
            unreachable,
            new Dictionary<string, string> { ["Dashboard:Ingest:QueueCapacity"] = "6" },
            waitForStore: false);
        using var otlp = new OtlpTestClient(dashboard);
        using var api = await dashboard.LoginAsync();

        using var first = await otlp.PostProtobufAsync("/v1/traces", SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-Q1"));
        using var second = await otlp.PostProtobufAsync("/v1/traces", SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-Q2"));
        var third = await otlp.ExportGrpcAsync(OtlpTestClient.TracesGrpcPath, SampleTelemetry.OrderTrace(SampleTelemetry.NewTraceId(), "ORD-Q3"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.True(second.Headers.RetryAfter is not null, "503 carries Retry-After");
        Assert.Equal("14", third.GrpcStatus);

        var status = await api.GetJsonAsync("/api/status");
        var traces = status.GetProperty("ingest").GetProperty("traces");
        Assert.False(status.GetProperty("storeReady").GetBoolean());
        Assert.Equal(4, status.GetProperty("queuedRecords").GetInt64());
        Assert.Equal(12, traces.GetProperty("received").GetInt64());
        Assert.Equal(8, traces.GetProperty("rejected").GetInt64());
        Assert.Equal(8, status.GetProperty("totalDropped").GetInt64());

        using var health = await dashboard.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
