using System.Text.Json;
using Jewelry.Hosting;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class ApplicationDisposalTests
{
    [Fact]
    public async Task Stopping_the_app_stops_every_process_the_local_servers_started_and_removes_the_throwaway_data_folder()
    {
        using var log = new TestLog();
        var stateFile = Path.Combine(Path.GetTempPath(), $"jewelry-dispose-{Guid.NewGuid():N}.json");
        var builder = LocalInfrastructure.CreateBuilder(log, AppHostArguments.Expand(["--state-file", stateFile]));
        builder.AddLocalPostgres("postgres").AddDatabase("shopdb");
        builder.AddLocalRabbitMQ("messaging");
        builder.AddLocalS3Store("models", bucket: "models");
        builder.AddStackReport();
        List<int> recorded = [];
        string dataDirectory;
        var app = await JewelryAppHost.StartAsync(builder, log);
        try
        {
            foreach (var resource in new[] { "postgres", "messaging", "models" })
            {
                var pid = await app.ProcessIdAsync(resource) ?? throw new InvalidOperationException($"{resource} has no pid");

                // What it started (epmd, the Erlang VM, postgres backends) too.
                recorded.AddRange([pid, .. ProcessInspector.Descendants(pid)]);
            }

            using var state = JsonDocument.Parse(await File.ReadAllTextAsync(stateFile, TestContext.Current.CancellationToken));
            dataDirectory = state.RootElement.GetProperty("dataDirectory").GetString()!;
            Assert.True(Directory.Exists(dataDirectory));
        }
        finally
        {
            await app.StopAndDisposeAsync();
        }

        Assert.True(recorded.Count >= 6, $"only {recorded.Count} processes recorded");
        Assert.All(recorded, pid => Assert.False(ProcessInspector.IsRunning(pid), $"{ProcessInspector.Describe(pid)} still runs"));
        Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} still exists");
        Assert.False(File.Exists(stateFile), "the state file of a stopped stack is still there");
    }
}
