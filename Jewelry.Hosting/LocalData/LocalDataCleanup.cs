using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting.Reporting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jewelry.Hosting.LocalData;

/// <summary>
/// Removes the throwaway data folder once every local server writing into it has exited. Aspire's stop asks DCP to
/// stop the servers and returns before they have: this service stops last (it is the first hosted service) and waits
/// for their processes, so the folder goes after them, not from under them. Also when the host is only disposed (a
/// test's app): nothing else would remove a folder whose AppHost process still runs. It says in the console what it
/// waits for, when each server has gone and what became of the folder, so a stop is not 15 silent seconds.
/// </summary>
internal sealed partial class LocalDataCleanup(
    LocalDataDirectory directory,
    ResourceNotificationService notifications,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private static readonly TimeSpan s_waitForServers = TimeSpan.FromSeconds(60);

    private readonly ILogger _logger = loggers.CreateLogger(StackReporter.ConsoleCategory);
    private readonly ConcurrentDictionary<int, string> _servers = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _watch;
    private Task? _stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _watch = RecordServersAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopped ??= StopServersThenCleanAsync();

    /// <summary>
    /// Also when the host is disposed without being stopped: a SIGTERM while the stack starts cancels the host's start,
    /// and a host that failed to start never stops its hosted services; the servers DCP is stopping still write here.
    /// </summary>
    public void Dispose()
    {
        (_stopped ??= StopServersThenCleanAsync()).GetAwaiter().GetResult();
        _stopping.Dispose();
    }

    private async Task StopServersThenCleanAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_watch is not null)
        {
            await _watch.ConfigureAwait(false);
        }

        var servers = _servers.GroupBy(s => s.Value, s => s.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(pid => ProcessTable.Descendants(pid).Append(pid)).Distinct().ToList(), StringComparer.Ordinal);
        // Every server is announced, one that exited before the wait began included (DCP stops them all at once).
        var waiting = servers.Keys.Order(StringComparer.Ordinal).ToList();
        if (waiting.Count > 0)
        {
            LogWaiting(string.Join(", ", waiting));
        }

        var stopping = Stopwatch.StartNew();
        while (waiting.Count > 0 && stopping.Elapsed < s_waitForServers)
        {
            foreach (var server in waiting.Where(name => !servers[name].Any(ProcessTable.IsRunning)).ToList())
            {
                LogStopped(server, "stopped", string.Create(CultureInfo.InvariantCulture, $"after {stopping.Elapsed.TotalSeconds:0.0} s"));
                waiting.Remove(server);
            }

            if (waiting.Count > 0)
            {
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            }
        }

        foreach (var server in waiting)
        {
            var running = servers[server].First(ProcessTable.IsRunning);
            LogStillRunning(server, running.ToString(CultureInfo.InvariantCulture), s_waitForServers.TotalSeconds);
        }

        if (directory.DeleteIfThrowaway())
        {
            LogRemoved(directory.Path);
        }
        else if (directory.IsKept)
        {
            LogKept(directory.Path);
        }
    }

    /// <summary>The main process of every executable that works in the data folder, each time it starts.</summary>
    private async Task RecordServersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                if (resourceEvent.Resource is ExecutableResource executable
                    && executable.WorkingDirectory.StartsWith(directory.Path, StringComparison.Ordinal)
                    && resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is int pid and > 0)
                {
                    _servers.TryAdd(pid, executable.Name);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Stopping: waiting for {Servers} to exit before the data folder goes")]
    private partial void LogWaiting(string servers);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Resource,-12} {State,-10} {Detail}")]
    private partial void LogStopped(string resource, string state, string detail);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "{Resource} still runs (process {Pid}) {Seconds:0} s after the stop; the data folder is removed anyway")]
    private partial void LogStillRunning(string resource, string pid, double seconds);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Stopped; the data folder {Path} is removed")]
    private partial void LogRemoved(string path);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Stopped; the data folder {Path} is kept for the next start")]
    private partial void LogKept(string path);
}
