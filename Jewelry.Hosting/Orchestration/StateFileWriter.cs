using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jewelry.Hosting;

/// <summary>
/// The running stack as JSON for scripts and tests: resources, states, pids, URLs, connection strings,
/// rewritten on every state change. Mode 600 because it holds passwords; it is local dev state, not telemetry.
/// </summary>
internal sealed class StateFileWriter(string path, string dataDirectory)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _lock = new();

    public string Path { get; } = path;

    /// <summary>Takes the snapshot under the file's lock, so a later state never gets overwritten by an earlier one.</summary>
    public void Write(Func<IReadOnlyList<ResourceSnapshot>> snapshot)
    {
        // Before the run folder exists (prerequisite checks, manifest publishing) there is no run to describe.
        if (!Directory.Exists(dataDirectory))
        {
            return;
        }

        lock (_lock)
        {
            WriteCore(snapshot());
        }
    }

    private void WriteCore(IReadOnlyList<ResourceSnapshot> resources)
    {
        var document = new StateDocument(
            dataDirectory,
            Environment.ProcessId,
            [.. resources.Select(r => new StateResource(
                r.Name,
                r.Type,
                JsonNamingPolicy.CamelCase.ConvertName(r.State.ToString()),
                r.StateReason,
                r.ProcessId,
                r.ProcessIds,
                r.Endpoints.ToDictionary(e => e.Key, e => e.Value.ToString().TrimEnd('/')),
                r.ConnectionString))]);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        PrivateFile.WriteAllText(Path, JsonSerializer.Serialize(document, _json));
    }

    public void Delete()
    {
        lock (_lock)
        {
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }
        }
    }

    private sealed record StateDocument(string DataDirectory, int AppHostPid, IReadOnlyList<StateResource> Resources);

    private sealed record StateResource(
        string Name,
        string Type,
        string State,
        string? Reason,
        int? Pid,
        IReadOnlyList<int> Pids,
        IReadOnlyDictionary<string, string> Endpoints,
        string? ConnectionString);
}
