using System.Globalization;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// A dashboard of its own for the stage statistics tests, on a fresh database of the shared PostgreSQL, with the
/// order lifecycle given here (independent of appsettings.json), so that every count is exact.
/// </summary>
public sealed class StageDashboardFixture(DashboardFixture shared) : IAsyncLifetime
{
    private HttpClient? _api;

    /// <summary>The statuses in lifecycle order, as <c>Dashboard:Orders:Statuses</c>, with their stage descriptions.</summary>
    public static IReadOnlyList<(string Name, string Stage)> Lifecycle { get; } =
    [
        ("INITIATED", "Customer uploads the 3D model"),
        ("FILE_UPLOADED", "Customer submits the order for pricing"),
        ("SUBMITTED", "Price calculation in the MES"),
        ("PRICE_CALCULATED", "Operator approves the price for manufacturing"),
        ("CLOSED", "Done"),
    ];

    internal DashboardProcess Dashboard { get; private set; } = null!;

    public HttpClient Api => _api ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string> { ["Dashboard:Orders:LookBack"] = "7.00:00:00" };
        for (var i = 0; i < Lifecycle.Count; i++)
        {
            var key = "Dashboard:Orders:Statuses:" + i.ToString(CultureInfo.InvariantCulture);
            settings[key + ":Name"] = Lifecycle[i].Name;
            settings[key + ":Stage"] = Lifecycle[i].Stage;
        }

        Dashboard = await DashboardProcess.StartAsync(shared.Postgres.NewDatabase("stages"), settings);
        _api = await Dashboard.LoginAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }
    }
}
