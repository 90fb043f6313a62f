using System.Globalization;

namespace Jewelry.Tests.Dashboard;

/// <summary>PostgreSQL and one running dashboard (API key and browser token on), shared by the dashboard tests.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private HttpClient? _api;

    public TelemetryPostgresFixture Postgres { get; } = new();

    /// <summary>The file the dashboard reads as the AppHost's resource state (tests write it).</summary>
    public string ResourceStateFile { get; } = Path.Combine(Path.GetTempPath(), $"jewelry-dashboard-state-{Guid.NewGuid():N}.json");

    internal DashboardProcess Dashboard { get; private set; } = null!;

    /// <summary>The OTLP request size limit, small enough that a test passes it cheaply.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    /// <summary>A web page allowed to export OTLP/HTTP from the browser.</summary>
    public const string BrowserAppOrigin = "http://shop.example";

    /// <summary>A client with a dashboard session, for the JSON API.</summary>
    public HttpClient Api => _api ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Dashboard = await DashboardProcess.StartAsync(
            Postgres.ConnectionString,
            new Dictionary<string, string>
            {
                ["Dashboard:ResourceStateFile"] = ResourceStateFile,
                ["Dashboard:Otlp:Cors:AllowedOrigins"] = BrowserAppOrigin,
                ["Dashboard:Otlp:MaxRequestBytes"] = MaxRequestBytes.ToString(CultureInfo.InvariantCulture),
            });
        _api = await Dashboard.LoginAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        await Postgres.DisposeAsync();
        File.Delete(ResourceStateFile);
    }
}
