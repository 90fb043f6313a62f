using System.Runtime.InteropServices;

namespace Jewelry.Hosting;

/// <summary>
/// Runs the application model as local processes: PostgreSQL, RabbitMQ and the S3 store from the
/// machine's packages, the services with <c>dotnet</c>, on free ports, in a data folder of their own.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private const string ManifestPublisher = "manifest";

    private readonly DistributedApplicationOptions _options;
    private readonly IReadOnlyList<IResource> _model;
    private readonly ConsoleReporter _console;
    private readonly RunDirectory _directory;
    private readonly string _repositoryRoot;
    private readonly StateFileWriter? _stateFile;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(10) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly TaskCompletionSource _prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RunContext? _context;
    private Orchestrator? _orchestrator;
    private Dictionary<string, ResourceRuntime> _runtimes = new(StringComparer.OrdinalIgnoreCase);
    private int _disposed;
    private bool _keepLogsForDiagnosis;

    internal DistributedApplication(DistributedApplicationOptions options, IReadOnlyList<IResource> model)
    {
        _options = options;
        _model = model;
        DependencyGraph.ThrowIfCyclic(model);
        var output = TextWriter.Synchronized(options.Output ?? Console.Out);
        _console = new ConsoleReporter(output, options.Output is null ? TextWriter.Synchronized(Console.Error) : output);
        _console.SetNameWidth(RunningResources.Select(r => r.Name));
        _repositoryRoot = RepositoryRoot.Locate(options.RepositoryRoot);
        _directory = new RunDirectory(
            options.DataDirectory is { } configured ? Path.GetFullPath(configured)
                : options.KeepData ? RunDirectory.KeptPath(_repositoryRoot)
                : RunDirectory.NewTemporaryPath(),
            options.KeepData);
        // The dashboard's Resources page reads the state file, so an app model with a dashboard always writes one.
        var stateFilePath = options.StateFile is { } stateFile ? Path.GetFullPath(stateFile)
            : Dashboard is not null ? Path.Combine(_directory.Path, "resources.json")
            : null;
        _stateFile = stateFilePath is null ? null : new StateFileWriter(stateFilePath, _directory.Path);
    }

    /// <summary>Where servers keep their data and where logs/&lt;resource&gt;.log are written.</summary>
    public string DataDirectory => _directory.Path;

    /// <summary>Every resource that runs (parameters excluded), as it is now.</summary>
    public IReadOnlyList<ResourceSnapshot> Resources => [.. RunningResources.Select(Snapshot)];

    private IEnumerable<IResource> RunningResources => _model.Where(ResourceRunnerFactory.Runs);

    private ProjectResource? Dashboard => _model.OfType<ProjectResource>().FirstOrDefault(p => p.Dashboard is not null);

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        DistributedApplicationArguments.Apply(options);
        return new DistributedApplicationBuilder(options);
    }

    /// <summary>
    /// Starts every resource, each after what it waits for, and returns when all are healthy. Throws
    /// <see cref="MissingPrerequisitesException"/> before starting anything if a program is missing, and
    /// <see cref="DistributedApplicationException"/> naming the resource when one fails or is not healthy in time.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await _startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_orchestrator is null)
            {
                Prepare();
            }

            await _orchestrator!.StartAllAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>
    /// What the AppHost's Main does: writes the manifest when asked to publish; otherwise starts everything,
    /// prints a summary, runs until Ctrl+C or SIGTERM, then stops everything and removes the data folder.
    /// Failures are reported as plain messages with a non-zero exit code (2: missing prerequisites).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (string.Equals(_options.Publisher, ManifestPublisher, StringComparison.OrdinalIgnoreCase))
        {
            Publish();
            return;
        }

        if (_options.Publisher is not null)
        {
            _console.Error($"Unknown publisher '{_options.Publisher}'. The only one is '{ManifestPublisher}'.");
            Environment.ExitCode = 2;
            return;
        }

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            // A second Ctrl+C falls through to the default: the AppHost exits and the kernel kills the children.
            if (!shutdown.IsCancellationRequested)
            {
                context.Cancel = true;
                _console.Message("Stopping (Ctrl+C again to kill everything at once)...");
                shutdown.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await StartAsync(shutdown.Token).ConfigureAwait(false);
            _console.Summary(Resources, _options.EnvironmentName, DataDirectory, _stateFile?.Path, _directory.IsKept);
            if (Dashboard is { Dashboard: { } settings } dashboard)
            {
                _console.Message($"Dashboard: {settings.LoginUrl(dashboard)}");
                _console.Message(string.Empty);
            }
            await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
        }
        catch (MissingPrerequisitesException exception)
        {
            _console.Error(exception.Message);
            Environment.ExitCode = 2;
        }
        catch (DistributedApplicationException exception)
        {
            _console.Error("Startup failed. " + exception.Message);
            if (_context is not null)
            {
                // Removed by the next start, like any folder whose AppHost is gone.
                _keepLogsForDiagnosis = true;
                _console.Error($"Logs are kept in {_directory.LogsDirectory} until the next start.");
            }

            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Ctrl+C, SIGTERM or the caller's token: stop below.
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops every resource in reverse dependency order: SIGTERM, then SIGKILL after the grace period.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
        if (_orchestrator is not null)
        {
            await _orchestrator.StopAllAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops everything, then removes the data folder unless it is kept (--keep-data) or held something
    /// before this run (a folder passed in <see cref="DistributedApplicationOptions.DataDirectory"/>).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _prepared.TrySetException(new InvalidOperationException("The application was disposed before it started."));
        _stateFile?.Delete();
        foreach (var runtime in _runtimes.Values)
        {
            runtime.Dispose();
        }

        _context?.Dispose();
        _startLock.Dispose();
        _http.Dispose();
        if (_context is not null && !_directory.IsKept && _directory.OwnedByThisRun && !_keepLogsForDiagnosis)
        {
            try
            {
                _directory.Delete();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _console.Error($"Could not remove the data folder {_directory.Path}: {exception.Message}");
            }
        }
    }

    public string GetConnectionString(string resourceName) =>
        FindResource(resourceName) is IResourceWithConnectionString withConnectionString
            ? withConnectionString.ConnectionStringExpression.GetValue()
            : throw new ArgumentException($"Resource '{resourceName}' has no connection string.", nameof(resourceName));

    public Uri GetEndpoint(string resourceName, string endpointName = "http")
    {
        if (FindResource(resourceName) is not IResourceWithEndpoints withEndpoints)
        {
            throw new ArgumentException($"Resource '{resourceName}' has no endpoints.", nameof(resourceName));
        }

        var endpoint = withEndpoints.Endpoints.FirstOrDefault(e => e.Name == endpointName)
            ?? throw new ArgumentException(
                $"Resource '{resourceName}' has no endpoint '{endpointName}' (it has: {string.Join(", ", withEndpoints.Endpoints.Select(e => e.Name))}).",
                nameof(endpointName));
        return endpoint.Url;
    }

    /// <summary>Where to sign in to the dashboard with its browser token, as printed at start; null without a dashboard.</summary>
    public Uri? DashboardLoginUrl => Dashboard is { Dashboard: { } settings } dashboard ? settings.LoginUrl(dashboard) : null;

    /// <summary>An HttpClient whose base address is the resource's endpoint; the caller disposes it.</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    public ResourceState GetResourceState(string resourceName)
    {
        FindResource(resourceName);
        return _runtimes.TryGetValue(resourceName, out var runtime) ? runtime.State : ResourceState.NotStarted;
    }

    /// <summary>Stops one resource; the others keep running (and may turn unhealthy without it).</summary>
    public Task StopResourceAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
        return GetRuntime(resourceName).StopAsync();
    }

    /// <summary>Starts a stopped resource again on the same ports; returns when it is healthy.</summary>
    public Task StartResourceAsync(string resourceName, CancellationToken cancellationToken = default) =>
        GetRuntime(resourceName).StartAsync(cancellationToken);

    /// <summary>Waits until the resource reaches <paramref name="state"/>; may be called before the application starts.</summary>
    public async Task WaitForResourceStateAsync(string resourceName, ResourceState state, CancellationToken cancellationToken = default)
    {
        FindResource(resourceName);
        await _prepared.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await GetRuntime(resourceName).WaitForStateAsync(current => current == state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks prerequisites, creates the data folder, chooses ports and passwords, creates the runners.</summary>
    private void Prepare()
    {
        var toolchain = PrerequisiteChecker.Check(_model, _repositoryRoot);
        RunDirectory.RemoveStaleRuns();
        _directory.Create();
        var generatedValues = new GeneratedValues(_directory.Path);
        foreach (var parameter in _model.OfType<ParameterResource>())
        {
            parameter.Value = parameter.FixedLocalValue
                ?? generatedValues.GetOrCreate(parameter.Name, () => GeneratedValues.NewSecret(parameter.GeneratedLength));
        }

        foreach (var endpoint in _model.OfType<IResourceWithEndpoints>().SelectMany(r => r.Endpoints))
        {
            endpoint.AllocatedPort ??= PortAllocator.Next();
        }

        _context = new RunContext(_options, toolchain, _directory, generatedValues, _console, _http, Dashboard, _stateFile?.Path);
        _runtimes = RunningResources.ToDictionary(
            r => r.Name,
            r => new ResourceRuntime(ResourceRunnerFactory.Create(r, _context), OnStateChanged),
            StringComparer.OrdinalIgnoreCase);
        foreach (var runtime in _runtimes.Values)
        {
            runtime.Dependencies = [.. DependencyGraph.DependenciesOf(runtime.Resource).Select(d => _runtimes[d.Name])];
        }

        _orchestrator = new Orchestrator([.. _runtimes.Values]);
        WriteStateFile();
        _prepared.TrySetResult();
    }

    private void Publish()
    {
        var written = ManifestWriter.Write(_model, _options.OutputPath ?? Environment.CurrentDirectory);
        _console.Message($"Wrote the deployment manifest to {written}");
    }

    private void OnStateChanged(ResourceRuntime runtime, string? detail)
    {
        _console.StateChanged(runtime.Name, runtime.State, detail);
        if (_disposed == 0)
        {
            WriteStateFile();
        }
    }

    private void WriteStateFile() => _stateFile?.Write(() => Resources);

    private ResourceSnapshot Snapshot(IResource resource)
    {
        _runtimes.TryGetValue(resource.Name, out var runtime);
        var processes = runtime?.Runner.Processes.Where(p => !p.HasExited).ToList() ?? [];
        var main = runtime?.Runner.MainProcess;
        return new ResourceSnapshot
        {
            Name = resource.Name,
            Type = ResourceTypeNames.Of(resource),
            State = runtime?.State ?? ResourceState.NotStarted,
            StateReason = runtime?.StateReason,
            ExitCode = runtime?.ExitCode,
            ProcessId = main is { HasExited: false } ? main.Id : null,
            ProcessIds = [.. processes.Select(p => p.Id)],
            Endpoints = resource is IResourceWithEndpoints withEndpoints
                ? withEndpoints.Endpoints.Where(e => e.AllocatedPort is not null).ToDictionary(e => e.Name, e => e.Url)
                : new Dictionary<string, Uri>(),
            ConnectionString = resource is IResourceWithConnectionString withConnectionString && _context is not null
                ? withConnectionString.ConnectionStringExpression.GetValue()
                : null,
            Parent = (resource as IResourceWithParent)?.Parent.Name,
        };
    }

    private IResource FindResource(string resourceName) =>
        _model.FirstOrDefault(r => string.Equals(r.Name, resourceName, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"There is no resource named '{resourceName}'.", nameof(resourceName));

    private ResourceRuntime GetRuntime(string resourceName)
    {
        FindResource(resourceName);
        return _runtimes.TryGetValue(resourceName, out var runtime)
            ? runtime
            : throw new InvalidOperationException($"Resource '{resourceName}' is not running yet: start the application first.");
    }
}
