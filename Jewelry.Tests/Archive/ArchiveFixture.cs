using Amazon.S3;
using Jewelry.Dashboard.Archive;
using Jewelry.Tests.Dashboard;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Jewelry.Tests.Archive;

/// <summary>
/// PostgreSQL and the S3 store (s3rver) as the AppHost runs them, and one dashboard with the archive on, its own
/// database and its own bucket. Its retention runs once at start (on nothing) and then not for a day, so each test runs
/// the archiving step itself, against the same database and bucket, when it wants it.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    private readonly TestLog _log = new();
    private DistributedApplication? _app;
    private readonly List<ServiceProvider> _unreachable = [];
    private ServiceProvider? _services;

    public string Bucket { get; } = $"telemetry-archive-{Guid.NewGuid():N}"[..30];

    public string PostgresConnectionString { get; private set; } = string.Empty;

    public string S3ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public IAmazonS3 S3 => _services!.GetRequiredService<IAmazonS3>();

    internal DashboardProcess Dashboard { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public ArchiveOptions Options => new() { Enabled = true, Bucket = Bucket };

    public async ValueTask InitializeAsync()
    {
        var builder = LocalInfrastructure.CreateBuilder(_log);
        builder.AddLocalPostgres("postgres").AddDatabase("telemetrydb");
        builder.AddLocalS3Store("models", bucket: "models");
        _app = await JewelryAppHost.StartAsync(builder, _log);
        PostgresConnectionString = await _app.ConnectionStringAsync("telemetrydb");
        S3ConnectionString = await _app.ConnectionStringAsync("models");

        var database = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = $"telemetry_archive_{Guid.NewGuid():N}"[..40] }.ConnectionString;
        Dashboard = await DashboardProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["ConnectionStrings:models"] = S3ConnectionString,
            ["Dashboard:Archive:Enabled"] = "true",
            ["Dashboard:Archive:Bucket"] = Bucket,
            ["Dashboard:Retention:Interval"] = "1.00:00:00",
        });
        Admin = await DashboardSignIn.SignInAsync(Dashboard.FrontendUrl, DemoUsers.AdminName, DemoUsers.AdminPassword, TestContext.Current.CancellationToken);
        DataSource = NpgsqlDataSource.Create(database);

        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        host.Configuration["ConnectionStrings:models"] = S3ConnectionString;
        host.AddS3Client("models", checkHealth: false);
        host.Services.AddMetrics();
        _services = host.Services.BuildServiceProvider();
    }

    /// <summary>The archiving step of retention, as the dashboard runs it, with <paramref name="s3"/> instead of the real store when given.</summary>
    public TelemetryArchive Archive(IAmazonS3? s3 = null) => new(
        DataSource, new ArchiveStore(s3 ?? S3, Microsoft.Extensions.Options.Options.Create(Options)), Counters(), TimeProvider.System, NullLogger<TelemetryArchive>.Instance);

    public ArchiveCounters Counters() => new(_services!.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public IAmazonS3 UnreachableS3()
    {
        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        host.Configuration["ConnectionStrings:models"] = $"Endpoint=http://127.0.0.1:{FreePort.Next()};AccessKey=nobody;SecretKey=nothing;Bucket=models";
        host.AddS3Client("models", checkHealth: false);
        var services = host.Services.BuildServiceProvider();
        _unreachable.Add(services);
        return services.GetRequiredService<IAmazonS3>();
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        foreach (var services in _unreachable.Append(_services).OfType<ServiceProvider>())
        {
            await services.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAndDisposeAsync();
        }

        await _log.DisposeAsync();
    }
}
