namespace Jewelry.Hosting;

/// <summary>The runtime half of a resource: launches its processes, probes its health, stops it.</summary>
internal abstract class ResourceRunner(IResource resource, RunContext context) : IDisposable
{
    private static readonly Task<ChildProcess> _never = new TaskCompletionSource<ChildProcess>().Task;

    private readonly List<ChildProcess> _processes = [];

    public IResource Resource { get; } = resource;

    protected RunContext Context { get; } = context;

    protected ResourceLog Log => Context.LogFor(Resource.Name);

    /// <summary>Processes of the current run, in launch order.</summary>
    public IReadOnlyList<ChildProcess> Processes
    {
        get
        {
            lock (_processes)
            {
                return [.. _processes];
            }
        }
    }

    /// <summary>The process the resource is (postgres, beam.smp, node, dotnet).</summary>
    public ChildProcess? MainProcess
    {
        get
        {
            var processes = Processes;
            return processes.Count == 0 ? null : processes[^1];
        }
    }

    /// <summary>What the console shows when the resource starts, e.g. its address.</summary>
    public virtual string? StartingDetail =>
        Resource is IResourceWithEndpoints withEndpoints
            ? string.Join(", ", withEndpoints.Endpoints.Select(e => $"{EndpointAnnotation.LocalHost}:{e.AllocatedPort}"))
            : null;

    /// <summary>How often to probe while waiting for the first healthy answer.</summary>
    public virtual TimeSpan StartupProbeInterval => TimeSpan.FromMilliseconds(250);

    /// <summary>Launches whatever the resource runs; health is probed afterwards.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Stops the processes, last launched first.</summary>
    public virtual async Task StopAsync()
    {
        foreach (var process in Processes.AsEnumerable().Reverse())
        {
            await process.StopAsync(Context.Options.ShutdownGracePeriod).ConfigureAwait(false);
        }

        lock (_processes)
        {
            _processes.Clear();
        }
    }

    /// <summary>Completes when any process of the current run exits.</summary>
    public Task<ChildProcess> WhenAnyProcessExits()
    {
        var processes = Processes;
        if (processes.Count == 0)
        {
            return _never;
        }

        return Task.WhenAny(processes.Select(async process =>
        {
            await process.Exited.ConfigureAwait(false);
            return process;
        })).Unwrap();
    }

    protected async Task<ChildProcess> LaunchAsync(ProcessSpec spec)
    {
        var process = await ChildProcess.StartAsync(spec, Context.Tools, Log).ConfigureAwait(false);
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    /// <summary>Runs a setup command (initdb) to completion; throws with its last output lines when it fails.</summary>
    protected async Task RunToCompletionAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var process = await ChildProcess.StartAsync(spec, Context.Tools, Log).ConfigureAwait(false);
        int exitCode;
        try
        {
            exitCode = await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Signal(NativeMethods.SIGKILL);
            throw;
        }

        if (exitCode != 0)
        {
            await process.WaitForOutputAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            throw new InvalidOperationException($"{process.Name} exited with code {exitCode}: {DescribeLastOutput()}");
        }
    }

    public virtual void Dispose()
    {
    }

    public string DescribeLastOutput()
    {
        var lines = Log.LastLines(5);
        return lines.Count == 0
            ? "(no output)"
            : string.Join(Environment.NewLine, lines.Select(line => "    " + line)).TrimStart();
    }
}
