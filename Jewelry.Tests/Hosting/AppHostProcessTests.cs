using System.Text.Json;
using Jewelry.Hosting;

namespace Jewelry.Tests.Hosting;

/// <summary>The AppHost executable as a developer runs it.</summary>
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task A_missing_prerequisite_stops_the_AppHost_before_anything_starts_with_exit_code_2_and_the_install_command()
    {
        using var appHost = AppHostProcess.Start([], new Dictionary<string, string> { ["JEWELRY_POSTGRES_BIN"] = "/nonexistent" });

        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 2, $"exit code {exitCode}{Environment.NewLine}{appHost.Output}");
        Assert.Contains("PostgreSQL: no initdb and postgres in /nonexistent (set by JEWELRY_POSTGRES_BIN). Install with: ./setup.sh, or: sudo apt-get install -y postgresql", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" starting ", appHost.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_leaves_none_of_its_processes_running()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"jewelry-kill-test-{Guid.NewGuid():N}.json");
        using var appHost = AppHostProcess.Start(["--state-file", stateFile]);
        try
        {
            // The slowest server being healthy means every server runs; services may still be starting, which is fine.
            await Eventually.WaitUntilAsync(
                () => appHost.HasExited || StateOf(stateFile, "messaging") == "healthy",
                TimeSpan.FromSeconds(120),
                "messaging healthy in the state file");
            Assert.False(appHost.HasExited, appHost.Output);

            var recorded = PidsIn(stateFile).Concat(ProcessInspector.Descendants(appHost.Id)).Distinct().ToList();
            Assert.True(recorded.Count >= 4, $"only {recorded.Count} processes recorded");
            var dataDirectory = DataDirectoryIn(stateFile);

            appHost.Kill();

            await Eventually.WaitUntilAsync(
                () => !recorded.Any(ProcessInspector.IsRunning),
                TimeSpan.FromSeconds(10),
                "every process gone; still running: " + string.Join(", ", recorded.Where(ProcessInspector.IsRunning).Select(ProcessInspector.Describe)));

            // Nobody removed the killed run's data folder; the next start does.
            Assert.True(Directory.Exists(dataDirectory));
            await using var next = StoreOnly();
            await next.StartAsync(TestContext.Current.CancellationToken);
            Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} of the killed run is still there");
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    private static string? StateOf(string stateFile, string resourceName)
    {
        using var state = TryRead(stateFile);
        return state?.RootElement.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("name").GetString() == resourceName)
            .Select(r => r.GetProperty("state").GetString())
            .FirstOrDefault();
    }

    private static DistributedApplication StoreOnly()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = TextWriter.Null });
        builder.AddS3Store("models");
        return builder.Build();
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
            .SelectMany(r => r.GetProperty("pids").EnumerateArray().Select(pid => pid.GetInt32()))];
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
