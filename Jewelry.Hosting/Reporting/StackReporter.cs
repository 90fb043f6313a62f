using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jewelry.Hosting.Reporting;

/// <summary>
/// What a person reads in the AppHost's console while the stack starts: one line per resource state change
/// (starting, waiting for what, healthy after how long, unhealthy or failed and why), then, once everything is
/// healthy, a table of resources and URLs with both dashboards' login URLs. The same is kept as JSON in the state
/// file, and each resource's console output in <c>logs/&lt;name&gt;.log</c> of the data folder.
/// </summary>
internal sealed partial class StackReporter(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    IConfiguration configuration,
    IHostEnvironment environment,
    StackReportSettings settings,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The category of the lines a person reads in the AppHost's console while the stack starts and stops.</summary>
    internal const string ConsoleCategory = "Jewelry.AppHost";

    private const string AspireDashboardResourceName = "aspire-dashboard";

    // A short category: it starts every line a person reads while the stack starts.
    private readonly ILogger _logger = loggers.CreateLogger(ConsoleCategory);

    private readonly Dictionary<string, ResourceRow> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _downSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private readonly HashSet<string> _healthySinceStart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceRow> _lastPrinted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _watchedLogs = new(StringComparer.Ordinal);
    private readonly List<Task> _logWatchers = [];
    private readonly StateFileWriter _stateFile = new(settings.StateFile);
    private string? _jewelryDashboardLogin;
    private string? _aspireDashboardUrl;
    private bool _summaryPrinted;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_summaryPrinted || _rows.Count > 0)
        {
            _stateFile.Delete();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reminders = RemindWhileStartingAsync(stoppingToken);
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                await OnEventAsync(resourceEvent, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }

        await Task.WhenAll([.. _logWatchers, reminders]).ConfigureAwait(false);
    }

    private async Task OnEventAsync(ResourceEvent resourceEvent, CancellationToken cancellationToken)
    {
        var resource = resourceEvent.Resource;
        if (resource is ParameterResource)
        {
            return;
        }

        if (resourceEvent.Snapshot.IsHidden)
        {
            _hidden.Add(resource.Name);
            if (resource.Name == AspireDashboardResourceName)
            {
                // Where it really listens: with randomised ports that is not the launch profile's URL.
                _aspireDashboardUrl ??= resourceEvent.Snapshot.Urls.FirstOrDefault(url => url.Url.StartsWith("http", StringComparison.Ordinal))?.Url;
            }

            return;
        }

        if (_watchedLogs.Add(resourceEvent.ResourceId))
        {
            _logWatchers.Add(CopyLogsAsync(resource.Name, resourceEvent.ResourceId, cancellationToken));
        }

        _jewelryDashboardLogin ??= resourceEvent.Snapshot.Urls
            .FirstOrDefault(url => url.DisplayProperties.DisplayName == JewelryDashboardBuilderExtensions.LoginUrlDisplayText)?.Url;

        ResourceRow? previous;
        HashSet<string> failed;
        lock (_rows)
        {
            failed = [.. _rows.Values.Where(r => r.State == "failed").Select(r => r.Name)];
        }

        var row = ResourceRows.From(resourceEvent, wasHealthy: _healthySinceStart.Contains(resource.Name), failed);
        lock (_rows)
        {
            _rows.TryGetValue(resource.Name, out previous);
            _rows[resource.Name] = row;
        }

        if (row.IsHealthy)
        {
            _healthySinceStart.Add(resource.Name);
        }
        else if (row.State is ResourceRows.Starting or ResourceRows.NotStarted)
        {
            _healthySinceStart.Remove(resource.Name);
        }

        if (row.Matches(previous))
        {
            return;
        }

        _lastPrinted.TryGetValue(resource.Name, out var lastPrinted);
        if (IsWorthALine(lastPrinted, row))
        {
            // A resource that recovers says how long it was down, not how long ago it started.
            var detail = row.IsHealthy && lastPrinted is { IsHealthy: false, State: not (ResourceRows.Starting or ResourceRows.NotStarted) } && _downSince.TryGetValue(resource.Name, out var downSince)
                ? string.Create(CultureInfo.InvariantCulture, $"again after {Math.Max(0, (DateTime.UtcNow - downSince).TotalSeconds):0.0} s {lastPrinted.State}")
                : Detail(row);
            if (row.IsHealthy)
            {
                _downSince.Remove(resource.Name);
            }
            else if (lastPrinted is null || lastPrinted.IsHealthy)
            {
                _downSince[resource.Name] = DateTime.UtcNow;
            }

            _lastPrinted[resource.Name] = row;
            LogStateChange(row.Name, row.State, detail);
        }

        await WriteStateFileAsync(cancellationToken).ConfigureAwait(false);
        if (!_summaryPrinted && AllHealthy())
        {
            _summaryPrinted = true;
            foreach (var line in Summary())
            {
                LogSummaryLine(line);
            }
        }
    }

    /// <summary>
    /// State changes a reader wants, against the last line printed for the resource; the churn of a start (not
    /// started between two starting states, health checks that still fail while it boots) is not.
    /// </summary>
    private static bool IsWorthALine(ResourceRow? lastPrinted, ResourceRow row) => row.State switch
    {
        ResourceRows.NotStarted => lastPrinted is not null && lastPrinted.State is not (ResourceRows.NotStarted or ResourceRows.Starting or "waiting"),
        ResourceRows.Starting => lastPrinted?.State != ResourceRows.Starting,
        _ => lastPrinted?.State != row.State || lastPrinted.Reason != row.Reason,
    };

    /// <summary>Until everything is healthy, says every half minute what is still not and why: nothing waits without a reason.</summary>
    private async Task RemindWhileStartingAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false) && !_summaryPrinted)
            {
                List<string> pending;
                lock (_rows)
                {
                    pending = _rows.Values.Where(row => !row.IsHealthy).Select(row => $"{row.Name} {row.State}{(row.Reason is null ? string.Empty : $" ({row.Reason})")}").ToList();
                }

                if (pending.Count > 0)
                {
                    LogStillStarting((DateTime.UtcNow - started).TotalSeconds, string.Join("; ", pending));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private static string Detail(ResourceRow row) => row.State switch
    {
        ResourceRows.Starting => string.Join("  ", row.Endpoints.Values),
        ResourceRow.Healthy when row.StartedAt is { } started =>
            string.Create(CultureInfo.InvariantCulture, $"after {Math.Max(0, (DateTime.UtcNow - started).TotalSeconds):0.0} s"),
        _ => row.Reason ?? string.Empty,
    };

    private bool AllHealthy()
    {
        var expected = model.Resources.Where(r => r is not ParameterResource && !_hidden.Contains(r.Name)).Select(r => r.Name).ToList();
        return expected.Count > 0 && expected.All(name => _rows.TryGetValue(name, out var row) && row.IsHealthy);
    }

    private List<string> Summary()
    {
        var lines = new List<string>
        {
            $"Jewelry stack is running ({environment.EnvironmentName}; data in {settings.Data.Path}).",
            $"  {"RESOURCE",-13}{"TYPE",-12}{"STATE",-10}URLS",
        };
        lock (_rows)
        {
            foreach (var resource in model.Resources.Where(r => _rows.ContainsKey(r.Name)))
            {
                var row = _rows[resource.Name];
                lines.Add($"  {row.Name,-13}{row.Type,-12}{row.State,-10}{string.Join("  ", row.Endpoints.Values)}");
            }
        }

        if (AspireDashboardLogin() is { } aspire)
        {
            lines.Add($"Aspire dashboard:  {aspire}");
        }

        if (_jewelryDashboardLogin is { } jewelry)
        {
            lines.Add($"Jewelry dashboard: {jewelry}");
        }

        lines.Add($"State file: {settings.StateFile}; console logs of each resource: {settings.Data.LogsDirectory}");
        return lines;
    }

    private string? AspireDashboardLogin()
    {
        var url = _aspireDashboardUrl ?? configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var token = configuration["AppHost:BrowserToken"];
        if (url is null || !model.Resources.Any(r => r.Name == AspireDashboardResourceName))
        {
            return null;
        }

        // The dashboard resource's own URL is its login URL already.
        return token is null || url.Contains("/login?t=", StringComparison.Ordinal) ? url : $"{url.TrimEnd('/')}/login?t={token}";
    }

    private async Task WriteStateFileAsync(CancellationToken cancellationToken)
    {
        var resources = new List<StackStateResource>();
        foreach (var resource in model.Resources.Where(r => _rows.ContainsKey(r.Name)))
        {
            var row = _rows[resource.Name];
            string? connectionString = null;
            if (resource is IResourceWithConnectionString withConnectionString)
            {
                try
                {
                    connectionString = await withConnectionString.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    // Its endpoints are not allocated yet.
                }
            }

            resources.Add(new StackStateResource(row.Name, row.Type, row.State, row.Reason, row.Pid, row.Endpoints, connectionString));
        }

        try
        {
            _stateFile.Write(new StackState(settings.Data.Path, Environment.ProcessId, AspireDashboardLogin(), _jewelryDashboardLogin, resources));
        }
        catch (IOException exception)
        {
            LogStateFileFailed(settings.StateFile, exception.Message);
        }
    }

    private async Task CopyLogsAsync(string resourceName, string resourceId, CancellationToken cancellationToken)
    {
        try
        {
            settings.Data.EnsureCreated();
            var path = Path.Combine(settings.Data.LogsDirectory, $"{resourceName}.log");
            await using var file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
            await foreach (var batch in resourceLogs.WatchAsync(resourceId).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(line.Content).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
        catch (IOException exception)
        {
            LogLogFileFailed(resourceName, exception.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Resource,-12} {State,-10} {Detail}")]
    private partial void LogStateChange(string resource, string state, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Not healthy yet after {Seconds:0} s: {Pending}")]
    private partial void LogStillStarting(double seconds, string pending);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Line}")]
    private partial void LogSummaryLine(string line);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The state file {Path} could not be written: {Reason}")]
    private partial void LogStateFileFailed(string path, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The console log of {Resource} could not be kept: {Reason}")]
    private partial void LogLogFileFailed(string resource, string reason);
}
