using Jewelry.Tests.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>A minimal API service built the way the Jewelry APIs are, with the service defaults, on a free loopback port.</summary>
internal sealed class DefaultsTestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DefaultsTestService(WebApplication app)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The standard OTLP variables pointing at <paramref name="receiver"/> over http/protobuf, as the tests' stacks set them.</summary>
    public static Dictionary<string, string?> ExportingTo(OtlpTestReceiver receiver) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    };

    public static async Task<DefaultsTestService> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<WebApplication>? map = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DefaultsTestService(app);
    }

    /// <summary>Stops the service; disposing its providers exports what is still buffered.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }
}
