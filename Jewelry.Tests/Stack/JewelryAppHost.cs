using Aspire.Hosting.ApplicationModel;
using Jewelry.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jewelry.Tests.Stack;

/// <summary>
/// Starts the AppHost's own app model (Jewelry.AppHost's AppHost.cs) with Aspire.Hosting.Testing: the same resources,
/// references and waits a developer gets from F5, on ports Aspire picks at random, without the Aspire dashboard.
/// </summary>
internal static class JewelryAppHost
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>The resources a test can give extra settings to with <see cref="WithServiceEnvironment"/>.</summary>
    public static readonly string[] Services = ["shop-api", "crm-api", "mes-api", "identity", "gateway"];

    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(TestLog log, params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Jewelry_AppHost>(args, TestContext.Current.CancellationToken);
        builder.Services.AddLogging(logging => logging.AddProvider(new TestLogProvider(log)));

        // Aspire aims the standard exporter at its dashboard, which tests do not run (it would find a developer's
        // dashboard on the default port instead); the Jewelry dashboard's exporter stays, and a test may add a receiver.
        return builder.WithServiceEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty, [.. Services, "dashboard"]);
    }

    /// <summary>Builds and starts the model and waits until every resource is healthy; on failure the log says why.</summary>
    public static async Task<DistributedApplication> StartAsync(IDistributedApplicationTestingBuilder builder, TestLog log)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var app = await builder.BuildAsync(cancellation);
        try
        {
            await app.StartAsync(cancellation).WaitAsync(StartTimeout, cancellation);
            await app.WaitUntilAllHealthyAsync(StartTimeout);
            return app;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The stack did not start: {exception.Message}{Environment.NewLine}{log}", exception);
        }
    }

    /// <summary>Sets a variable on the services (or the ones named), after everything the AppHost sets, so it wins.</summary>
    public static IDistributedApplicationTestingBuilder WithServiceEnvironment(this IDistributedApplicationTestingBuilder builder, string name, string value, params string[] resources)
    {
        foreach (var resource in resources.Length > 0 ? resources : Services)
        {
            builder.CreateResourceBuilder<ProjectResource>(resource).WithEnvironment(name, value);
        }

        return builder;
    }

    /// <summary>Points the APIs' standard OTLP exporter (the one Aspire aims at its dashboard) at a receiver of the test.</summary>
    public static IDistributedApplicationTestingBuilder WithTelemetryExportedTo(this IDistributedApplicationTestingBuilder builder, Uri otlpHttpEndpoint) =>
        builder
            .WithServiceEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", otlpHttpEndpoint.ToString().TrimEnd('/'))
            .WithServiceEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
}
