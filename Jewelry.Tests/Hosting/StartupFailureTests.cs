using Jewelry.Hosting;

namespace Jewelry.Tests.Hosting;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_service_whose_process_exits_fails_the_start_with_its_name_exit_code_and_output()
    {
        using var log = new TestLog();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = log });

        // A library has no entry point: dotnet refuses to run it and exits at once.
        builder.AddResource(new ProjectResource("broken-api", new LibraryAsProject()));
        await using var app = builder.Build();

        var start = await Record.ExceptionAsync(() => app.StartAsync(TestContext.Current.CancellationToken));

        var failure = start as DistributedApplicationException ?? throw new Xunit.Sdk.XunitException($"StartAsync did not fail as expected: {start}{Environment.NewLine}{log}");

        Assert.Equal("broken-api", failure.ResourceName);
        Assert.Matches(@"^process exited with code \d+: ", failure.Reason);
        Assert.Equal(ResourceState.Failed, app.GetResourceState("broken-api"));
        Assert.Contains("  broken-api   failed    process exited with code", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_not_healthy_within_its_startup_timeout_fails_is_stopped_and_its_dependents_never_start()
    {
        using var log = new TestLog();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = log });

        // RabbitMQ needs several seconds before it accepts AMQP connections.
        var messaging = builder.AddRabbitMQ("messaging").WithStartupTimeout(TimeSpan.FromSeconds(1));
        builder.AddProject<Projects.Jewelry_ShopApi>("shop-api").WaitFor(messaging);
        await using var app = builder.Build();
        // Every process the resource launched, gathered while it starts: the broker may already be gone at one look.
        HashSet<int> launched = [];
        var watch = Eventually.WaitUntilAsync(
            () =>
            {
                launched.UnionWith(app.Resources.Single(r => r.Name == "messaging").ProcessIds);
                return launched.Count == 2 || app.GetResourceState("messaging") == ResourceState.Failed;
            },
            TimeSpan.FromSeconds(90),
            "epmd and the broker launched, or the start failed");

        var start = await Record.ExceptionAsync(
            () => app.StartAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));

        var failure = start as DistributedApplicationException ?? throw new Xunit.Sdk.XunitException($"StartAsync did not fail as expected: {start}{Environment.NewLine}{log}");
        Assert.Equal("messaging", failure.ResourceName);
        Assert.StartsWith("not healthy after 1.0 s: AMQP: ", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(ResourceState.Failed, app.GetResourceState("messaging"));
        await watch;
        Assert.NotEmpty(launched);
        Assert.All(launched, pid => Assert.False(ProcessInspector.IsRunning(pid), $"{ProcessInspector.Describe(pid)} still runs"));
        Assert.Empty(app.Resources.Single(r => r.Name == "shop-api").ProcessIds);
        Assert.DoesNotContain("shop-api     starting", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_that_wait_for_each_other_in_a_cycle_are_refused_at_build()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions());
        var shop = builder.AddProject<Projects.Jewelry_ShopApi>("shop-api");
        var crm = builder.AddProject<Projects.Jewelry_CrmApi>("crm-api").WaitFor(shop);
        shop.WaitFor(crm);

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("shop-api -> crm-api -> shop-api", error.Message, StringComparison.Ordinal);
    }

    private sealed class LibraryAsProject : IProjectMetadata
    {
        public string ProjectPath => Path.Combine(AppContext.BaseDirectory, "Jewelry.Hosting.csproj");

        public string TargetPath => typeof(DistributedApplication).Assembly.Location;
    }
}
