using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// One whole Jewelry stack started from the AppHost's own app model (PostgreSQL, RabbitMQ, the S3 store, the Jewelry
/// dashboard and the three APIs) with Aspire.Hosting.Testing, on ports of its own, with the services' environment
/// set by a <see cref="TracingMode"/>. Its log goes to a file. Disposing stops everything.
/// </summary>
public sealed class StackInstance : IAsyncDisposable
{
    private static readonly string[] s_services = ["shop-api", "crm-api", "mes-api", "identity", "gateway"];

    private readonly DistributedApplication _app;
    private readonly StreamWriter _log;

    private StackInstance(TracingMode mode, DistributedApplication app, StreamWriter log, string logPath, HttpClient shop, string telemetryConnectionString)
    {
        Mode = mode;
        _app = app;
        _log = log;
        LogPath = logPath;
        Shop = shop;
        TelemetryConnectionString = telemetryConnectionString;
    }

    public TracingMode Mode { get; }

    public string LogPath { get; }

    public HttpClient Shop { get; }

    public string TelemetryConnectionString { get; }

    public static async Task<StackInstance> StartAsync(TracingMode mode, BenchmarkOptions options, string logDirectory, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(logDirectory, $"stack-{mode.Name.ToLowerInvariant()}.log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Jewelry_AppHost>([], cancellationToken);
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(new FileLoggerProvider(log)));

        // Both stacks export only to their own Jewelry dashboard: no Aspire dashboard runs here.
        builder.CreateResourceBuilder<ProjectResource>("dashboard").WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
        foreach (var service in s_services)
        {
            var resource = builder.CreateResourceBuilder<ProjectResource>(service).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
            foreach (var (name, value) in mode.ServiceEnvironment)
            {
                resource.WithEnvironment(name, value);
            }
        }

        var app = await builder.BuildAsync(cancellationToken);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(options.StartupTimeout);
        try
        {
            await app.StartAsync(startup.Token);
            // Parameters and what starts only when asked (Aspire's hidden rebuilders of projects) are never healthy.
            foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources
                .Where(r => r is not ParameterResource && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, startup.Token);
            }
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
        var telemetry = await app.GetConnectionStringAsync("telemetrydb", cancellationToken) ?? throw new InvalidOperationException("telemetrydb has no connection string.");
        return new StackInstance(mode, app, log, logPath, shop, telemetry);
    }

    /// <summary>The main process of a running service, to read the environment it really got.</summary>
    public async Task<int?> ProcessIdOfAsync(string resourceName)
    {
        var current = await _app.ResourceNotifications.WaitForResourceAsync(resourceName, _ => true);
        return current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            _ => null,
        };
    }

    public async ValueTask DisposeAsync()
    {
        Shop.Dispose();
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            await _log.DisposeAsync();
        }
    }
}
