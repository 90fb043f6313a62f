using Jewelry.Hosting;

namespace Jewelry.Tests.Hosting;

/// <summary>One started PostgreSQL (with a database), RabbitMQ and S3 store, shared by the infrastructure tests.</summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly TestLog _log = new();

    public DistributedApplication App { get; private set; } = null!;

    public string StateFile { get; } = Path.Combine(Path.GetTempPath(), $"jewelry-test-state-{Guid.NewGuid():N}.json");

    public string Log => _log.ToString();

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = _log, StateFile = StateFile });
        builder.AddPostgres("postgres").AddDatabase("shopdb");
        builder.AddRabbitMQ("messaging").WithManagementPlugin();
        builder.AddS3Store("models").WithBucket("models");
        App = builder.Build();
        try
        {
            await App.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The infrastructure did not start: {exception.Message}{Environment.NewLine}{Log}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _log.Dispose();
    }
}
