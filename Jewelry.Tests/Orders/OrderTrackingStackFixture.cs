using System.Globalization;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Security;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Orders;

/// <summary>
/// The whole stack as the AppHost runs it, services exporting to the stack's own dashboard, with short
/// thresholds so a stuck order or a lost message shows within seconds. Shared by <see cref="OrderTrackingCollectionDefinition"/>.
/// </summary>
public sealed class OrderTrackingStackFixture : IAsyncLifetime, IJewelryApis
{
    /// <summary>A confirmed message nobody processed for this long is listed as lost.</summary>
    public static readonly TimeSpan LostMessageAfter = TimeSpan.FromSeconds(5);

    /// <summary>An order in SUBMITTED (waiting for its price) this long is listed as stuck.</summary>
    public static readonly TimeSpan SubmittedThreshold = TimeSpan.FromSeconds(10);

    private readonly TestLog _log = new();
    private HttpClient? _identity;

    public DistributedApplication App { get; private set; } = null!;

    public string Log => _log.ToString();

    public HttpClient Shop { get; private set; } = null!;

    public HttpClient Crm { get; private set; } = null!;

    public HttpClient Mes { get; private set; } = null!;

    /// <summary>The dashboard's JSON API, signed in with the AppHost's browser token (the operator, an admin).</summary>
    public HttpClient Dashboard { get; private set; } = null!;

    public Uri DashboardUrl { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = (await JewelryAppHost.CreateBuilderAsync(_log))
            .WithServiceEnvironment("Dashboard__Orders__LostMessageAfter", LostMessageAfter.ToString("c", CultureInfo.InvariantCulture), "dashboard")
            .WithServiceEnvironment("Dashboard__Orders__Thresholds__SUBMITTED", SubmittedThreshold.ToString("c", CultureInfo.InvariantCulture), "dashboard");
        App = await JewelryAppHost.StartAsync(builder, _log);

        Shop = App.CreateHttpClient("shop-api");
        _identity = App.CreateHttpClient("identity");
        var operators = new OperatorTokens(_identity);
        Crm = OperatorTokenHandler.CreateClient(App, "crm-api", operators);
        Mes = OperatorTokenHandler.CreateClient(App, "mes-api", operators);
        DashboardUrl = App.GetEndpoint("dashboard", "http");
        Dashboard = await App.SignInToJewelryDashboardAsync();
    }

    public Task WaitUntilAllHealthyAsync() => App.WaitUntilAllHealthyAsync();

    public async ValueTask DisposeAsync()
    {
        Shop?.Dispose();
        Crm?.Dispose();
        Mes?.Dispose();
        _identity?.Dispose();
        Dashboard?.Dispose();
        if (App is not null)
        {
            await App.StopAndDisposeAsync();
        }

        _log.Dispose();
    }
}
