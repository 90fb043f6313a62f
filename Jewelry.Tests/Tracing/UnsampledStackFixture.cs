using Jewelry.Hosting;
using Jewelry.Tests.Hosting;

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
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Output = _log,
            OtlpEndpoint = Telemetry.Endpoint.ToString(),
            OtlpProtocol = "http/protobuf",
            ProjectEnvironment =
            {
                ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
                ["OTEL_TRACES_SAMPLER_ARG"] = "0",
            },
        });
        builder.AddJewelryStack();
        App = builder.Build();
        try
        {
            await App.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The stack did not start: {exception.Message}{Environment.NewLine}{_log}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        _log.Dispose();
    }
}
