using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jewelry.Hosting.Reporting;

/// <summary>
/// The running stack as JSON for scripts, benchmarks and the Jewelry dashboard's resources page: resources, states,
/// pids, URLs, connection strings, rewritten on every change. Mode 600 because it holds passwords; it is local
/// development state, never telemetry.
/// </summary>
internal sealed class StateFileWriter(string path)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Path { get; } = path;

    public void Write(StackState state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            JsonSerializer.Serialize(stream, state, s_json);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Removes the file of a stopped stack; it may be gone already with the throwaway data folder it was in.</summary>
    public void Delete()
    {
        try
        {
            File.Delete(Path);
        }
        catch (DirectoryNotFoundException)
        {
            // The data folder, and the file with it, was removed first.
        }
    }
}
