using Jewelry.Hosting;

namespace Jewelry.Tests.Hosting;

public sealed class ApplicationDisposalTests
{
    [Fact]
    public async Task Dispose_stops_every_process_it_started_and_removes_the_data_folder()
    {
        using var log = new TestLog();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = log });
        builder.AddPostgres("postgres").AddDatabase("shopdb");
        builder.AddRabbitMQ("messaging");
        builder.AddS3Store("models").WithBucket("models");
        var app = builder.Build();
        List<int> recorded;
        await using (app)
        {
            await app.StartAsync(TestContext.Current.CancellationToken);

            // What it started (epmd included) and what those started (postgres backends, erl_child_setup).
            var started = app.Resources.SelectMany(r => r.ProcessIds).ToList();
            recorded = [.. started, .. started.SelectMany(ProcessInspector.Descendants)];
            Assert.Equal(4, started.Count);
            Assert.True(Directory.Exists(app.DataDirectory));
        }

        Assert.All(recorded, pid => Assert.False(ProcessInspector.IsRunning(pid), $"{ProcessInspector.Describe(pid)} still runs"));
        Assert.False(Directory.Exists(app.DataDirectory), $"{app.DataDirectory} still exists");
        Assert.All(app.Resources, resource => Assert.Equal(ResourceState.Stopped, resource.State));
    }
}
