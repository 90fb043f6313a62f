using Jewelry.Hosting;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// One whole Jewelry stack started from the AppHost's app model (PostgreSQL, RabbitMQ, the S3 store, the
/// dashboard and the three APIs) in its own data folder and on its own ports, with the services' environment
/// set by a <see cref="TracingMode"/>. Its console output goes to a log file. Disposing stops everything.
/// </summary>
public sealed class StackInstance : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly StreamWriter _log;

    private StackInstance(TracingMode mode, DistributedApplication app, StreamWriter log, string logPath, HttpClient shop)
    {
        Mode = mode;
        _app = app;
        _log = log;
        LogPath = logPath;
        Shop = shop;
    }

    public TracingMode Mode { get; }

    public string LogPath { get; }

    public HttpClient Shop { get; }

    public string TelemetryConnectionString => _app.GetConnectionString("telemetrydb");

    public static async Task<StackInstance> StartAsync(TracingMode mode, BenchmarkOptions options, string logDirectory, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(logDirectory, $"stack-{mode.Name.ToLowerInvariant()}.log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var applicationOptions = new DistributedApplicationOptions { Output = log };
        foreach (var (name, value) in mode.ServiceEnvironment)
        {
            applicationOptions.ProjectEnvironment[name] = value;
        }

        var builder = DistributedApplication.CreateBuilder(applicationOptions);
        builder.AddJewelryStack();
        var app = builder.Build();
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(options.StartupTimeout);
        try
        {
            await app.StartAsync(startup.Token);
        }
        catch (Exception exception)
        {
            await app.DisposeAsync();
            await log.DisposeAsync();
            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The tracing {mode.Name} stack was not healthy within {options.StartupTimeout.TotalSeconds:0} s; see {logPath}.", exception);
            }

            throw;
        }

        var shop = app.CreateHttpClient("shop-api");
        shop.Timeout = options.RequestTimeout;
        return new StackInstance(mode, app, log, logPath, shop);
    }

    /// <summary>The main process of a running service, to read the environment it really got.</summary>
    public int? ProcessIdOf(string resourceName) =>
        _app.Resources.FirstOrDefault(r => string.Equals(r.Name, resourceName, StringComparison.Ordinal))?.ProcessId;

    public async ValueTask DisposeAsync()
    {
        Shop.Dispose();
        await _app.DisposeAsync();
        await _log.DisposeAsync();
    }
}
