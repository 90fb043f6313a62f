using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jewelry.Hosting.LocalData;

/// <summary>
/// Removes the throwaway data folder once every local server writing into it has exited. Aspire's stop asks DCP to
/// stop the servers and returns before they have: this service stops last (it is the first hosted service) and waits
/// for their processes, so the folder goes after them, not from under them. Also when the host is only disposed (a
/// test's app): nothing else would remove a folder whose AppHost process still runs.
/// </summary>
internal sealed partial class LocalDataCleanup(
    LocalDataDirectory directory,
    ResourceNotificationService notifications,
    ILogger<LocalDataCleanup> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan s_waitForServers = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<int, string> _servers = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _watch;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _watch = RecordServersAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_watch is not null)
        {
            await _watch.ConfigureAwait(false);
        }

        var processes = _servers.Keys.SelectMany(pid => ProcessTable.Descendants(pid).Append(pid)).Distinct().ToList();
        var deadline = DateTime.UtcNow + s_waitForServers;
        while (processes.Any(ProcessTable.IsRunning) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }

        if (processes.FirstOrDefault(ProcessTable.IsRunning) is var running and > 0)
        {
            LogStillRunning(running.ToString(CultureInfo.InvariantCulture), s_waitForServers.TotalSeconds, directory.Path);
        }

        directory.DeleteIfThrowaway();
    }

    public void Dispose()
    {
        directory.DeleteIfThrowaway();
        _stopping.Dispose();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Process {Pid} still runs {Seconds:0} s after the stop; the data folder {Path} is removed anyway")]
    private partial void LogStillRunning(string pid, double seconds, string path);
}
