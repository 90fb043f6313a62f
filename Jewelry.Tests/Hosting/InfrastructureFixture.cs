using Jewelry.Hosting;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Hosting;

/// <summary>One PostgreSQL (with a database), RabbitMQ and S3 store run as local executables, shared by the infrastructure tests.</summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly TestLog _log = new();

    public DistributedApplication App { get; private set; } = null!;

    public string StateFile { get; } = Path.Combine(Path.GetTempPath(), $"jewelry-test-state-{Guid.NewGuid():N}.json");

    public string Log => _log.ToString();

    public async ValueTask InitializeAsync()
    {
        var builder = LocalInfrastructure.CreateBuilder(_log, AppHostArguments.Expand(["--state-file", StateFile]));
        builder.AddLocalPostgres("postgres").AddDatabase("shopdb");
        builder.AddLocalRabbitMQ("messaging").WithManagementPlugin();
        builder.AddLocalS3Store("models", bucket: "models");
        builder.AddStackReport();
        App = await JewelryAppHost.StartAsync(builder, _log);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAndDisposeAsync();
        _log.Dispose();
    }
}
