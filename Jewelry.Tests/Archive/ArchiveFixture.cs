using System.IO.Compression;
using Amazon.S3;
using Amazon.S3.Model;
using Jewelry.Dashboard.Archive;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Schema;
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
    private readonly List<NpgsqlDataSource> _stores = [];

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

        // The dashboard makes its bucket at its first write; a test that only lists it must not depend on another test writing first.
        await S3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The archiving step of retention, as the dashboard runs it, on the dashboard's database unless
    /// <paramref name="dataSource"/> is given, with <paramref name="s3"/> instead of the real store when given.
    /// </summary>
    public TelemetryArchive Archive(IAmazonS3? s3 = null, ArchiveCounters? counters = null, NpgsqlDataSource? dataSource = null) => new(
        dataSource ?? DataSource, Store(s3), counters ?? Counters(), Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System,
        NullLogger<TelemetryArchive>.Instance);

    /// <summary>The admin import, as the dashboard runs it, into <paramref name="dataSource"/>.</summary>
    public ArchiveImporter Importer(NpgsqlDataSource dataSource) => new(
        dataSource, Store(), new TelemetryWriter(dataSource), Counters(), Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System,
        NullLogger<ArchiveImporter>.Instance);

    /// <summary>A telemetry database of a test's own, with the dashboard's schema, for tests that need to know everything in it (size limits).</summary>
    public async Task<NpgsqlDataSource> NewStoreAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = $"telemetry_archive_{Guid.NewGuid():N}"[..40] }.ConnectionString;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        _stores.Add(dataSource);
        var readiness = new TelemetryStoreReadiness();
        using var initializer = new TelemetryStoreInitializer(dataSource, readiness, NullLogger<TelemetryStoreInitializer>.Instance, connectionString);
        await initializer.StartAsync(TestContext.Current.CancellationToken);
        await readiness.WaitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return dataSource;
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, a row's text.</summary>
    public static async Task<List<string>> RowsAsync(NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public Task<HttpResponseMessage> ImportAsync(DateTimeOffset from, DateTimeOffset to) =>
        Admin.PostAsync($"/api/archive/import?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}", content: null, TestContext.Current.CancellationToken);

    public async Task<string> ReadObjectAsync(string key)
    {
        using var response = await S3.GetObjectAsync(Bucket, key, TestContext.Current.CancellationToken);
        await using var gzip = new GZipStream(response.ResponseStream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    public async Task<bool> ObjectExistsAsync(string key)
    {
        var listed = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = key }, TestContext.Current.CancellationToken);
        return (listed.S3Objects ?? []).Any(o => o.Key == key);
    }

    private ArchiveStore Store(IAmazonS3? s3 = null) => new(s3 ?? S3, Microsoft.Extensions.Options.Options.Create(Options));

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

        foreach (var dataSource in _stores.Append(DataSource).OfType<NpgsqlDataSource>())
        {
            await dataSource.DisposeAsync();
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
