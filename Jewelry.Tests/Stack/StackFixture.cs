using System.Globalization;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Security;
using Jewelry.Tests.Tracing;

namespace Jewelry.Tests.Stack;

/// <summary>
/// The whole Jewelry stack started once from the AppHost's own app model and shared by every test in
/// <see cref="StackCollectionDefinition"/>. Tests isolate their data by creating their own orders and customers.
/// The services export their telemetry over OTLP to <see cref="Telemetry"/>, a receiver in the test process, where
/// a developer's services export to the Aspire dashboard.
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

    /// <summary>Signed in as <see cref="TestOperators.Operator"/> (<see cref="OperatorTokenHandler"/>).</summary>
    public HttpClient Crm { get; private set; } = null!;

    /// <summary>Signed in as <see cref="TestOperators.Operator"/> on the operator routes; the seller routes get what the test sends.</summary>
    public HttpClient Mes { get; private set; } = null!;

    /// <summary>The partner gateway, the external sellers' entry.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The token server.</summary>
    public HttpClient Identity { get; private set; } = null!;

    /// <summary>Access tokens of the demo and test partners, one per client and scope set for the fixture's life.</summary>
    public PartnerTokens Tokens { get; private set; } = null!;

    /// <summary>Access tokens of the demo operators, renewed before they expire.</summary>
    public OperatorTokens OperatorTokens { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Telemetry = await OtlpTestReceiver.StartAsync();
        var maxModelBytes = MaxModelBytes.ToString(CultureInfo.InvariantCulture);
        var builder = (await JewelryAppHost.CreateBuilderAsync(_log))
            .WithTelemetryExportedTo(Telemetry.Endpoint)
            .WithServiceEnvironment("Shop__MaxModelBytes", maxModelBytes, "shop-api")
            .WithServiceEnvironment("Mes__MaxModelBytes", maxModelBytes, "mes-api")
            .WithTestPartners();
        App = await JewelryAppHost.StartAsync(builder, _log);

        Shop = App.CreateHttpClient("shop-api");
        Gateway = App.CreateHttpClient("gateway");
        Identity = App.CreateHttpClient("identity");
        Tokens = new PartnerTokens(Identity);
        OperatorTokens = new OperatorTokens(Identity);
        Crm = OperatorTokenHandler.CreateClient(App, "crm-api", OperatorTokens);
        Mes = OperatorTokenHandler.CreateClient(App, "mes-api", OperatorTokens);
    }

    /// <summary>Waits until every resource is healthy again, e.g. after a test restarted one.</summary>
    public Task WaitUntilAllHealthyAsync() => App.WaitUntilAllHealthyAsync();

    public async ValueTask DisposeAsync()
    {
        Shop?.Dispose();
        Crm?.Dispose();
        Mes?.Dispose();
        Gateway?.Dispose();
        Identity?.Dispose();
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
