using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Tracing;

/// <summary>The whole stack with trace sampling at ratio 0: only traces marked for full tracing are recorded.</summary>
public sealed class UnsampledStackFixture : IAsyncLifetime
{
    private readonly TestLog _log = new();

    public DistributedApplication App { get; private set; } = null!;

    public OtlpTestReceiver Telemetry { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Telemetry = await OtlpTestReceiver.StartAsync();
        var builder = (await JewelryAppHost.CreateBuilderAsync(_log))
            .WithTelemetryExportedTo(Telemetry.Endpoint)
            .WithServiceEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
            .WithServiceEnvironment("OTEL_TRACES_SAMPLER_ARG", "0");
        App = await JewelryAppHost.StartAsync(builder, _log);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAndDisposeAsync();
        }

        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        _log.Dispose();
    }
}
