using Jewelry.Hosting;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Tracing;

namespace Jewelry.Tests.Stack;

/// <summary>
/// The whole Jewelry stack (PostgreSQL, RabbitMQ, the S3 store and the three APIs) started once from
/// the AppHost's own app model and shared by every test in <see cref="StackCollectionDefinition"/>.
/// Tests isolate their data by creating their own orders and customers. The services export their
/// telemetry over OTLP to <see cref="Telemetry"/>, a receiver in the test process.
/// </summary>
public sealed class StackFixture : IAsyncLifetime, IJewelryApis
{
    /// <summary>The model size limit the Shop and the MES run with in the tests, small so a refusal is cheap to provoke.</summary>
    public const int MaxModelBytes = 1024 * 1024;

    private readonly TestLog _log = new();

    public DistributedApplication App { get; private set; } = null!;

    public string Log => _log.ToString();

    public OtlpTestReceiver Telemetry { get; private set; } = null!;

    public HttpClient Shop { get; private set; } = null!;

    public HttpClient Crm { get; private set; } = null!;

    public HttpClient Mes { get; private set; } = null!;

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
                ["Shop__MaxModelBytes"] = MaxModelBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mes__MaxModelBytes"] = MaxModelBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
            throw new InvalidOperationException($"The stack did not start: {exception.Message}{Environment.NewLine}{Log}", exception);
        }

        Shop = App.CreateHttpClient("shop-api");
        Crm = App.CreateHttpClient("crm-api");
        Mes = App.CreateHttpClient("mes-api");
    }

    /// <summary>Waits until the AppHost sees every resource healthy again, e.g. after a test restarted one.</summary>
    public Task WaitUntilAllHealthyAsync() => App.WaitUntilAllHealthyAsync();

    public async ValueTask DisposeAsync()
    {
        Shop?.Dispose();
        Crm?.Dispose();
        Mes?.Dispose();
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
