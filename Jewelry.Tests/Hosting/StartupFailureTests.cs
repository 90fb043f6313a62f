using Aspire.Hosting.ApplicationModel;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class StartupFailureTests
{
    private static readonly TimeSpan s_within = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missing_prerequisite_fails_its_resource_with_the_install_command_and_what_waits_for_it_says_so()
    {
        using var log = new TestLog();
        var builder = LocalInfrastructure.CreateBuilder(log, "--JEWELRY_POSTGRES_BIN=/nonexistent");
        var postgres = builder.AddLocalPostgres("postgres");
        builder.AddExecutable("waiter", "sleep", ".", "600").WaitFor(postgres);
        builder.AddStackReport();
        await using var app = await builder.BuildAsync(Ct);

        // The start does not return while a resource waits for one that failed: watch it from beside.
        var start = app.StartAsync(Ct);
        try
        {
            await app.ResourceNotifications.WaitForResourceAsync("postgres", KnownResourceStates.FailedToStart, Ct).WaitAsync(s_within, Ct);
            await app.ResourceNotifications.WaitForResourceAsync("waiter", KnownResourceStates.FailedToStart, Ct).WaitAsync(s_within, Ct);

            await Eventually.WaitUntilAsync(
                () => log.ToString().Contains(
                    "postgres     failed     PostgreSQL: no initdb and postgres in /nonexistent (set by JEWELRY_POSTGRES_BIN). Install it with ./setup.sh (or: sudo apt-get install -y postgresql).",
                    StringComparison.Ordinal),
                TimeSpan.FromSeconds(10),
                () => $"the report names the problem and the install command:{Environment.NewLine}{log}");
            Assert.Contains("waiter       waiting    for postgres", log.ToString(), StringComparison.Ordinal);
            await Eventually.WaitUntilAsync(
                () => log.ToString().Contains("waiter       failed     not started: it waits for postgres, which failed", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10),
                () => $"the report says why the waiter did not start:{Environment.NewLine}{log}");
        }
        finally
        {
            await app.StopAsync(Ct);
            await Record.ExceptionAsync(() => start);
        }
    }

    [Fact]
    public async Task A_resource_whose_process_exits_is_reported_failed_with_its_exit_code()
    {
        using var log = new TestLog();
        var builder = LocalInfrastructure.CreateBuilder(log);
        builder.AddExecutable("broken", "sh", ".", "-c", "echo 'cannot open the config' >&2; exit 3");
        builder.AddStackReport();
        await using var app = await builder.BuildAsync(Ct);

        await app.StartAsync(Ct);
        var exited = await app.ResourceNotifications.WaitForResourceAsync("broken", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), Ct).WaitAsync(s_within, Ct);

        Assert.Equal(3, exited.Snapshot.ExitCode);
        await Eventually.WaitUntilAsync(
            () => log.ToString().Contains("broken       failed     exit code 3", StringComparison.Ordinal)
                && log.ToString().Contains("cannot open the config", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            () => $"the report says it failed with exit code 3, and its output is in the log:{Environment.NewLine}{log}");
    }
}
