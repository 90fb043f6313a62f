using Jewelry.Hosting;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>A throwaway PostgreSQL started by the orchestrator library, unless a connection string was given.</summary>
internal sealed class BenchmarkPostgres : IAsyncDisposable
{
    private readonly DistributedApplication? _app;

    private BenchmarkPostgres(DistributedApplication? app, string connectionString)
    {
        _app = app;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchmarkPostgres> StartAsync(BenchmarkOptions options)
    {
        if (options.ConnectionString is { } given)
        {
            return new BenchmarkPostgres(null, given);
        }

        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = TextWriter.Null });
        builder.AddPostgres("postgres").AddDatabase("telemetrydb");
        var app = builder.Build();
        await app.StartAsync();
        return new BenchmarkPostgres(app, app.GetConnectionString("telemetrydb"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
