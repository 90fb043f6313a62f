using System.Diagnostics;

namespace Jewelry.Hosting;

/// <summary>
/// One resource's life: wait for dependencies, launch, wait until healthy (or fail with a reason),
/// keep probing, notice exits, stop. Start and stop of the same resource never overlap.
/// </summary>
internal sealed class ResourceRuntime(ResourceRunner runner, Action<ResourceRuntime, string?> onStateChanged) : IDisposable
{
    private static readonly TimeSpan _monitorInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Lock _stateLock = new();
    private TaskCompletionSource _stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _monitorCancellation;
    private Task _monitor = Task.CompletedTask;

    public ResourceRunner Runner { get; } = runner;

    public IResource Resource => Runner.Resource;

    public string Name => Resource.Name;

    /// <summary>Must be healthy before this one starts: what it waits for, and its parent.</summary>
    public IReadOnlyList<ResourceRuntime> Dependencies { get; set; } = [];

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public string? StateReason { get; private set; }

    public int? ExitCode { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State is ResourceState.Healthy or ResourceState.Unhealthy)
            {
                return;
            }

            await WaitForDependenciesAsync(cancellationToken).ConfigureAwait(false);

            SetState(ResourceState.Starting, detail: Runner.StartingDetail);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                await Runner.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await FailAsync(exception.Message).ConfigureAwait(false);
            }

            await WaitUntilHealthyAsync(stopwatch, cancellationToken).ConfigureAwait(false);
            SetState(ResourceState.Healthy, detail: $"after {ConsoleReporter.Seconds(stopwatch.Elapsed)}");
            StartMonitor();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopMonitorAsync().ConfigureAwait(false);
            if (Runner.Processes.Count == 0)
            {
                // Nothing runs: a resource that never got past waiting did not start at all.
                if (State is ResourceState.Waiting)
                {
                    SetState(ResourceState.NotStarted);
                }
                else if (State is ResourceState.Healthy or ResourceState.Unhealthy or ResourceState.Starting)
                {
                    SetState(ResourceState.Stopped);
                }

                return;
            }

            SetState(ResourceState.Stopping);
            await Runner.StopAsync().ConfigureAwait(false);
            SetState(ResourceState.Stopped);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task WaitForStateAsync(Func<ResourceState, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_stateLock)
            {
                if (predicate(State))
                {
                    return;
                }

                changed = _stateChanged.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Call after <see cref="StopAsync"/>.</summary>
    public void Dispose()
    {
        _monitorCancellation?.Dispose();
        _lifecycle.Dispose();
        Runner.Dispose();
    }

    private async Task WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        var pending = Dependencies.Where(d => d.State != ResourceState.Healthy).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        SetState(ResourceState.Waiting, detail: "for " + string.Join(", ", pending.Select(d => d.Name)));
        foreach (var dependency in pending)
        {
            await dependency.WaitForStateAsync(state => state is ResourceState.Healthy || IsDown(state), cancellationToken).ConfigureAwait(false);
            if (dependency.State != ResourceState.Healthy)
            {
                SetState(ResourceState.Failed, reason: $"dependency {dependency.Name} is {ConsoleReporter.Describe(dependency.State)}");
                throw new DependencyFailedException(Name, StateReason!);
            }
        }
    }

    private static bool IsDown(ResourceState state) =>
        state is ResourceState.Failed or ResourceState.Exited or ResourceState.Stopped or ResourceState.Stopping;

    private async Task WaitUntilHealthyAsync(Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var timeout = (Resource as Resource)?.StartupTimeout ?? TimeSpan.FromSeconds(60);
        var exited = Runner.WhenAnyProcessExits();
        while (true)
        {
            if (exited.IsCompleted)
            {
                await FailAsync(await DescribeExitAsync(await exited.ConfigureAwait(false)).ConfigureAwait(false)).ConfigureAwait(false);
            }

            var health = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            if (health.IsHealthy)
            {
                return;
            }

            if (stopwatch.Elapsed > timeout)
            {
                await FailAsync($"not healthy after {ConsoleReporter.Seconds(timeout)}: {health.Reason}").ConfigureAwait(false);
            }

            await Task.WhenAny(Task.Delay(Runner.StartupProbeInterval, cancellationToken), exited).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<HealthStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_probeTimeout);
        try
        {
            return await Runner.CheckHealthAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthStatus.Unhealthy($"no answer within {ConsoleReporter.Seconds(_probeTimeout)}");
        }
    }

    /// <summary>Marks the start as failed, stops whatever was launched, and throws.</summary>
    private async Task FailAsync(string reason)
    {
        await Runner.StopAsync().ConfigureAwait(false);
        SetState(ResourceState.Failed, reason: reason);
        throw new DistributedApplicationException(Name, reason);
    }

    private async Task<string> DescribeExitAsync(ChildProcess process)
    {
        await process.WaitForOutputAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        var which = process == Runner.MainProcess ? "process" : process.Name;
        return $"{which} exited with code {process.Exited.Result}: {Runner.DescribeLastOutput()}";
    }

    private void StartMonitor()
    {
        _monitorCancellation = new CancellationTokenSource();
        var token = _monitorCancellation.Token;
        _monitor = Task.Run(() => MonitorAsync(token), CancellationToken.None);
    }

    private async Task StopMonitorAsync()
    {
        if (_monitorCancellation is null)
        {
            return;
        }

        await _monitorCancellation.CancelAsync().ConfigureAwait(false);
        try
        {
            await _monitor.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _monitorCancellation.Dispose();
        _monitorCancellation = null;
    }

    /// <summary>Keeps probing after the first healthy answer, so the state follows the service (and its dependencies) up and down.</summary>
    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        var exited = Runner.WhenAnyProcessExits();
        while (true)
        {
            await Task.WhenAny(Task.Delay(_monitorInterval, cancellationToken), exited).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (exited.IsCompleted)
            {
                var process = await exited.ConfigureAwait(false);
                var description = await DescribeExitAsync(process).ConfigureAwait(false);

                // The other processes of the resource (epmd) are useless without the one that exited.
                await Runner.StopAsync().ConfigureAwait(false);
                SetState(ResourceState.Exited, reason: description, exitCode: process.Exited.Result);
                return;
            }

            var health = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            if (health.IsHealthy && State == ResourceState.Unhealthy)
            {
                SetState(ResourceState.Healthy);
            }
            else if (!health.IsHealthy && (State != ResourceState.Unhealthy || health.Reason != StateReason))
            {
                SetState(ResourceState.Unhealthy, reason: health.Reason);
            }
        }
    }

    private void SetState(ResourceState state, string? reason = null, string? detail = null, int? exitCode = null)
    {
        TaskCompletionSource changed;
        lock (_stateLock)
        {
            State = state;
            StateReason = reason;
            ExitCode = exitCode;
            changed = _stateChanged;
            _stateChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        onStateChanged(this, detail ?? reason);
        changed.TrySetResult();
    }
}
