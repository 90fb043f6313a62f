using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Jewelry.Benchmarks.Tracing;
using Jewelry.Chaos.Checking;
using Jewelry.Chaos.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jewelry.Benchmarks.Chaos;

/// <summary>
/// The whole stack from the AppHost's own app model with Aspire.Hosting.Testing, every service exporting only to its
/// Jewelry dashboard (no Aspire dashboard runs here); its log goes to a file. Disposing stops everything.
/// </summary>
public sealed class ChaosStackInstance : IAsyncDisposable
{
    private static readonly string[] s_exporting = ["shop-api", "crm-api", "mes-api", "identity", "gateway", "dashboard"];

    private readonly StreamWriter _log;

    private ChaosStackInstance(DistributedApplication app, StreamWriter log, string logPath, StackConnections connections)
    {
        App = app;
        _log = log;
        LogPath = logPath;
        Connections = connections;
    }

    public DistributedApplication App { get; }

    public string LogPath { get; }

    public StackConnections Connections { get; }

    public static async Task<ChaosStackInstance> StartAsync(ChaosOptions options, CancellationToken cancellationToken)
    {
        var logPath = Path.GetFullPath("chaos-stack.log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Jewelry_AppHost>([], cancellationToken);
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(new FileLoggerProvider(log)));
        foreach (var resource in s_exporting)
        {
            builder.CreateResourceBuilder<ProjectResource>(resource).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
        }

        var app = await builder.BuildAsync(cancellationToken);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(options.StartupTimeout);
        try
        {
            await app.StartAsync(startup.Token);
            await new ResourceKiller(app, options.StartupTimeout).WaitUntilAllHealthyAsync(startup.Token);
            return new ChaosStackInstance(app, log, logPath, new StackConnections(
                await ConnectionStringAsync(app, "shopdb", cancellationToken),
                await ConnectionStringAsync(app, "mesdb", cancellationToken),
                await ConnectionStringAsync(app, "telemetrydb", cancellationToken),
                await ConnectionStringAsync(app, "messaging", cancellationToken)));
        }
        catch (Exception exception)
        {
            await app.DisposeAsync();
            await log.DisposeAsync();
            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The stack was not healthy within {options.StartupTimeout.TotalSeconds:0} s; see {logPath}.", exception);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await App.StopAsync(deadline.Token);
        }
        finally
        {
            await App.DisposeAsync();
            await _log.DisposeAsync();
        }
    }

    private static async Task<string> ConnectionStringAsync(DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        await app.GetConnectionStringAsync(resource, cancellationToken) ?? throw new InvalidOperationException($"{resource} has no connection string.");
}
