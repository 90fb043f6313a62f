using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Hosting;

/// <summary>The AppHost executable as a developer runs it, with DCP and the Aspire dashboard.</summary>
[Trait("Category", "Integration")]
public sealed partial class AppHostProcessTests
{
    private const string RunningLine = "Jewelry stack is running";

    private static readonly TimeSpan s_startWithin = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Started_as_a_developer_starts_it_it_prints_the_table_and_both_login_URLs_and_SIGTERM_stops_everything()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"jewelry-run-test-{Guid.NewGuid():N}.json");
        using var appHost = AppHostProcess.Start(["--state-file", stateFile]);
        try
        {
            await Eventually.WaitUntilAsync(
                () => appHost.HasExited || appHost.Output.Contains(RunningLine, StringComparison.Ordinal),
                s_startWithin,
                () => $"the stack reported running:{Environment.NewLine}{appHost.Output}");
            Assert.False(appHost.HasExited, appHost.Output);

            var output = appHost.Output;
            Assert.Matches(AspireLogin(), output);
            Assert.Matches(JewelryLogin(), output);
            foreach (var resource in new[] { "postgres", "shopdb", "mesdb", "telemetrydb", "identitydb", "messaging", "models", "dashboard", "identity", "mes-api", "crm-api", "shop-api", "gateway" })
            {
                Assert.Matches(new Regex($@"Jewelry\.AppHost\[2\]   {Regex.Escape(resource)} +\w+ +healthy "), output);
            }

            var recorded = PidsIn(stateFile).SelectMany(pid => ProcessInspector.Descendants(pid).Append(pid)).Distinct().ToList();
            Assert.True(recorded.Count >= 10, $"only {recorded.Count} processes recorded");
            var dataDirectory = DataDirectoryIn(stateFile);

            // A project's pid is the service itself, not the `dotnet run` DCP starts it with: `kill -STOP <pid>` freezes it.
            foreach (var (name, pid) in ProjectPidsIn(stateFile))
            {
                var process = ProcessInspector.Describe(pid);
                Assert.DoesNotContain("dotnet run", process, StringComparison.Ordinal);
                Assert.Matches(@"^\d+ \(\S*Jewelry\.\w+", process);
                TestContext.Current.SendDiagnosticMessage($"{name}: {process}");
            }

            var stopping = Stopwatch.StartNew();
            appHost.Terminate();
            var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromSeconds(90));
            var exited = stopping.Elapsed;

            Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{appHost.Output}");

            // The AppHost exits once DCP has been told to stop everything; DCP finishes the job on its own.
            await Eventually.WaitUntilAsync(
                () => !recorded.Any(ProcessInspector.IsRunning),
                TimeSpan.FromSeconds(60),
                () => "every process gone; still running: " + string.Join(", ", recorded.Where(ProcessInspector.IsRunning).Select(ProcessInspector.Describe)));
            TestContext.Current.SendDiagnosticMessage($"SIGTERM: AppHost exited after {exited.TotalSeconds:0.0} s, every process gone after {stopping.Elapsed.TotalSeconds:0.0} s");
            Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} is still there");

            // The console says what the stop waits for, when each server has gone, and what became of the data.
            Assert.Matches(StoppingLine(), appHost.Output);
            foreach (var server in new[] { "postgres", "messaging", "models" })
            {
                Assert.Matches(new Regex($@"Jewelry\.AppHost\[1\] {server} +stopped +after \d+\.\d s"), appHost.Output);
            }

            Assert.Contains($"Stopped; the data folder {dataDirectory} is removed", appHost.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(stateFile), "the state file of a stopped stack is still there");
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    [Fact]
    public async Task SIGTERM_while_the_services_start_stops_everything_and_removes_the_data_folder()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"jewelry-early-stop-test-{Guid.NewGuid():N}.json");
        using var appHost = AppHostProcess.Start(["--state-file", stateFile]);
        try
        {
            await Eventually.WaitUntilAsync(
                () => appHost.HasExited || StateOf(stateFile, "postgres") == "healthy",
                s_startWithin,
                () => $"postgres healthy in the state file:{Environment.NewLine}{appHost.Output}");
            Assert.False(appHost.HasExited, appHost.Output);
            Assert.DoesNotContain(RunningLine, appHost.Output, StringComparison.Ordinal);
            var recorded = PidsIn(stateFile).SelectMany(pid => ProcessInspector.Descendants(pid).Append(pid))
                .Concat(ProcessInspector.Descendants(appHost.Id)).Distinct().ToList();
            var dataDirectory = DataDirectoryIn(stateFile);

            // Aspire's start is cancelled and the host never stops its services; it is only disposed.
            appHost.Terminate();
            await appHost.WaitForExitAsync(TimeSpan.FromSeconds(90));

            await Eventually.WaitUntilAsync(
                () => !recorded.Any(ProcessInspector.IsRunning),
                TimeSpan.FromSeconds(30),
                () => "every process gone; still running: " + string.Join(", ", recorded.Where(ProcessInspector.IsRunning).Select(ProcessInspector.Describe)));
            Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} is still there:{Environment.NewLine}{appHost.Output}");
            Assert.Contains($"Stopped; the data folder {dataDirectory} is removed", appHost.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    /// <summary>The moments of an AppHost's life a SIGKILL can land in: running, or at each step of its stop.</summary>
    public static TheoryData<string> KillPoints => [WhileRunning, RightAfterSigterm, WhileTheServersStop, AfterAServerStopped];

    private const string WhileRunning = "while it runs";
    private const string RightAfterSigterm = "right after SIGTERM";
    private const string WhileTheServersStop = "while the servers stop";
    private const string AfterAServerStopped = "after a server stopped";

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task Killed_with_SIGKILL_at_any_point_the_AppHost_leaves_none_of_its_processes_running_and_the_next_start_removes_its_data(string point)
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"jewelry-kill-test-{Guid.NewGuid():N}.json");
        using var appHost = AppHostProcess.Start(["--state-file", stateFile]);
        try
        {
            // The slowest server being healthy means every server runs; services may still be starting, which is fine.
            await Eventually.WaitUntilAsync(
                () => appHost.HasExited || StateOf(stateFile, "messaging") == "healthy",
                s_startWithin,
                () => $"messaging healthy in the state file:{Environment.NewLine}{appHost.Output}");
            Assert.False(appHost.HasExited, appHost.Output);

            // The servers, what they started (postgres backends, epmd, the Erlang VM), and what the AppHost started itself.
            var recorded = PidsIn(stateFile).SelectMany(pid => ProcessInspector.Descendants(pid).Append(pid))
                .Concat(ProcessInspector.Descendants(appHost.Id)).Distinct().ToList();
            Assert.True(recorded.Count >= 6, $"only {recorded.Count} processes recorded");
            var dataDirectory = DataDirectoryIn(stateFile);

            if (point != WhileRunning)
            {
                // A whole stack, so the stop is the one a developer's Ctrl+C makes (a stop while starting is its own test).
                await Eventually.WaitUntilAsync(
                    () => appHost.HasExited || appHost.Output.Contains(RunningLine, StringComparison.Ordinal),
                    s_startWithin,
                    () => $"the stack reported running:{Environment.NewLine}{appHost.Output}");
            }

            await ReachAsync(appHost, point);
            Assert.False(appHost.HasExited, $"the AppHost had exited before the kill {point}:{Environment.NewLine}{appHost.Output}");
            appHost.Kill();

            // DCP watches the AppHost and stops what it started when the AppHost is gone.
            await Eventually.WaitUntilAsync(
                () => !recorded.Any(ProcessInspector.IsRunning),
                TimeSpan.FromSeconds(30),
                () => "every process gone; still running: " + string.Join(", ", recorded.Where(ProcessInspector.IsRunning).Select(ProcessInspector.Describe)));

            // Nobody removed the killed run's data folder; the next start does.
            Assert.True(Directory.Exists(dataDirectory), $"{dataDirectory} was removed although the AppHost was killed {point}");
            using var log = new TestLog();
            var next = LocalInfrastructure.CreateBuilder(log);
            next.AddLocalS3Store("models", bucket: "models");
            var nextApp = await JewelryAppHost.StartAsync(next, log);
            await nextApp.StopAndDisposeAsync();
            Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} of the run killed {point} is still there");
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    private static async Task ReachAsync(AppHostProcess appHost, string point)
    {
        if (point == WhileRunning)
        {
            return;
        }

        appHost.Terminate();
        var line = point switch
        {
            RightAfterSigterm => null,
            WhileTheServersStop => StoppingLine(),
            AfterAServerStopped => ServerStoppedLine(),
            _ => throw new ArgumentOutOfRangeException(nameof(point), point, "not a point of the AppHost's stop"),
        };
        if (line is not null)
        {
            await Eventually.WaitUntilAsync(() => appHost.HasExited || line.IsMatch(appHost.Output), TimeSpan.FromSeconds(60), () => $"the stop reached '{line}':{Environment.NewLine}{appHost.Output}");
        }
    }

    [Fact]
    public async Task A_missing_prerequisite_fails_its_resource_in_the_console_with_the_install_command()
    {
        using var appHost = AppHostProcess.Start([], new Dictionary<string, string> { ["JEWELRY_POSTGRES_BIN"] = "/nonexistent" });

        await Eventually.WaitUntilAsync(
            () => appHost.HasExited || appHost.Output.Contains("postgres     failed", StringComparison.Ordinal),
            s_startWithin,
            () => $"postgres reported failed:{Environment.NewLine}{appHost.Output}");

        Assert.Contains(
            "postgres     failed     PostgreSQL: no initdb and postgres in /nonexistent (set by JEWELRY_POSTGRES_BIN). Install it with ./setup.sh (or: sudo apt-get install -y postgresql).",
            appHost.Output,
            StringComparison.Ordinal);
        Assert.Contains("dashboard    waiting    for postgres, telemetrydb", appHost.Output, StringComparison.Ordinal);
        appHost.Terminate();
        Assert.Equal(0, await appHost.WaitForExitAsync(TimeSpan.FromSeconds(90)));
    }

    [GeneratedRegex(@"Stopping: waiting for [a-z, -]+ to exit before the data folder goes")]
    private static partial Regex StoppingLine();

    [GeneratedRegex(@"Jewelry\.AppHost\[1\] (postgres|messaging|models) +stopped +after \d+\.\d s")]
    private static partial Regex ServerStoppedLine();

    [GeneratedRegex(@"Aspire dashboard:  http://127\.0\.0\.1:\d+/login\?t=[0-9a-f]{32}")]
    private static partial Regex AspireLogin();

    [GeneratedRegex(@"Jewelry dashboard: http://localhost:\d+/login\?t=[A-Za-z0-9]{32}")]
    private static partial Regex JewelryLogin();

    private static string? StateOf(string stateFile, string resourceName)
    {
        using var state = TryRead(stateFile);
        return state?.RootElement.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("name").GetString() == resourceName)
            .Select(r => r.GetProperty("state").GetString())
            .FirstOrDefault();
    }

    private static string DataDirectoryIn(string stateFile)
    {
        using var state = TryRead(stateFile) ?? throw new InvalidOperationException("no state file");
        return state.RootElement.GetProperty("dataDirectory").GetString()!;
    }

    private static List<int> PidsIn(string stateFile)
    {
        using var state = TryRead(stateFile) ?? throw new InvalidOperationException("no state file");
        return [.. state.RootElement.GetProperty("resources").EnumerateArray()
            .Where(r => r.TryGetProperty("pid", out _))
            .Select(r => r.GetProperty("pid").GetInt32())

            // A service DCP has not launched yet has pid 0.
            .Where(pid => pid > 0)];
    }

    private static List<(string Name, int Pid)> ProjectPidsIn(string stateFile)
    {
        using var state = TryRead(stateFile) ?? throw new InvalidOperationException("no state file");
        return [.. state.RootElement.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "project" && r.TryGetProperty("pid", out _))
            .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("pid").GetInt32()))];
    }

    private static JsonDocument? TryRead(string stateFile)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(stateFile));
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            return null;
        }
    }
}
