using System.Net;

namespace Jewelry.Tests.Dashboard;

/// <summary>Telemetry lives in PostgreSQL, so it survives the dashboard stopping and starting again.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class PersistenceTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Spans_and_logs_survive_a_dashboard_restart()
    {
        var database = fixture.Postgres.NewDatabase("restart");
        var traceId = SampleTelemetry.NewTraceId();
        var orderId = "ORD-RESTART-" + Guid.NewGuid().ToString("N")[..8];

        await using (var first = await DashboardProcess.StartAsync(database))
        using (var otlp = new OtlpTestClient(first))
        {
            var grpc = await otlp.ExportGrpcAsync(OtlpTestClient.TracesGrpcPath, SampleTelemetry.OrderTrace(traceId, orderId));
            Assert.Equal("0", grpc.GrpcStatus);
            using var logExport = await otlp.PostProtobufAsync("/v1/logs", SampleTelemetry.Logs("restart-service", traceId, SampleTelemetry.NewSpanId(), orderId, "before restart"));
            Assert.Equal(HttpStatusCode.OK, logExport.StatusCode);

            // Stopped right after the export was accepted: the graceful stop writes what is still queued.
            await first.StopAsync();
        }

        await using var second = await DashboardProcess.StartAsync(database);
        using var api = await second.LoginAsync();
        using var trace = await api.GetTraceAsync(SampleTelemetry.Hex(traceId));
        Assert.NotNull(trace);
        Assert.Equal(4, trace.RootElement.GetProperty("spans").GetArrayLength());
        Assert.Equal([SampleTelemetry.Hex(traceId)], await api.SearchTraceIdsAsync($"attr=order.id%3D{orderId}"));
        var logs = await api.GetJsonAsync($"/api/logs?orderId={orderId}");
        Assert.Equal(2, logs.GetProperty("logs").GetArrayLength());
    }
}
