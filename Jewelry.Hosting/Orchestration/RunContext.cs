using System.Collections.Concurrent;

namespace Jewelry.Hosting;

/// <summary>What every resource runner shares during one run.</summary>
internal sealed class RunContext(
    DistributedApplicationOptions options,
    Toolchain tools,
    RunDirectory directory,
    GeneratedValues generatedValues,
    ConsoleReporter console,
    HttpClient http,
    ProjectResource? dashboard,
    string? stateFilePath) : IDisposable
{
    private readonly ConcurrentDictionary<string, ResourceLog> _logs = new(StringComparer.Ordinal);

    public DistributedApplicationOptions Options { get; } = options;

    public Toolchain Tools { get; } = tools;

    public RunDirectory Directory { get; } = directory;

    public GeneratedValues GeneratedValues { get; } = generatedValues;

    public ConsoleReporter Console { get; } = console;

    /// <summary>For health probes: short timeout, no connection reuse across server restarts.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>The telemetry dashboard of this app model, if it has one.</summary>
    public ProjectResource? Dashboard { get; } = dashboard;

    /// <summary>Where the resource states are written while the application runs.</summary>
    public string? StateFilePath { get; } = stateFilePath;

    public ResourceLog LogFor(string resourceName) => _logs.GetOrAdd(
        resourceName,
        name => new ResourceLog(name, Path.Combine(Directory.LogsDirectory, name + ".log"), Console));

    public void Dispose()
    {
        foreach (var log in _logs.Values)
        {
            log.Dispose();
        }
    }
}
