using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Creates the tracer, meter and logger providers when the host starts (resolving them is what
/// attaches their listeners) and flushes them when it stops. The container disposes them last,
/// which shuts the exporters down.
/// </summary>
internal sealed class OpenTelemetryProvidersLifetime(IServiceProvider services) : IHostedService
{
    private static readonly TimeSpan _flushTimeout = TimeSpan.FromSeconds(5);

    private TracerProvider? _tracerProvider;
    private MeterProvider? _meterProvider;
    private LoggerProvider? _loggerProvider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _tracerProvider = services.GetService<TracerProvider>();
        _meterProvider = services.GetService<MeterProvider>();
        _loggerProvider = services.GetService<LoggerProvider>();

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        var timeout = (int)_flushTimeout.TotalMilliseconds;

        _tracerProvider?.ForceFlush(timeout);
        _meterProvider?.ForceFlush(timeout);
        _loggerProvider?.ForceFlush(timeout);

        return Task.CompletedTask;
    }
}
