using System.Globalization;

namespace Jewelry.Hosting;

/// <summary>Writes what a person watching startup reads: one line per state change, resource output, the summary.</summary>
internal sealed class ConsoleReporter(TextWriter output, TextWriter error)
{
    private int _nameWidth = 12;

    public void SetNameWidth(IEnumerable<string> names) =>
        _nameWidth = Math.Max(12, names.Select(n => n.Length).DefaultIfEmpty(0).Max());

    public void ResourceOutput(string resourceName, string line) => output.WriteLine($"[{resourceName}] {line}");

    public void StateChanged(string resourceName, ResourceState state, string? detail)
    {
        var stateText = Describe(state);
        var line = detail is null
            ? $"  {resourceName.PadRight(_nameWidth)} {stateText}"
            : $"  {resourceName.PadRight(_nameWidth)} {stateText,-9} {detail}";
        output.WriteLine(line);
    }

    public void Message(string message) => output.WriteLine(message);

    public void Error(string message) => error.WriteLine(message);

    public void Summary(IReadOnlyList<ResourceSnapshot> resources, string environmentName, string dataDirectory, string? stateFile, bool keepData)
    {
        var typeWidth = Math.Max(8, resources.Max(r => r.Type.Length));
        output.WriteLine();
        output.WriteLine($"Jewelry stack is running ({environmentName}).");
        output.WriteLine($"  {"RESOURCE".PadRight(_nameWidth)} {"TYPE".PadRight(typeWidth)} {"STATE",-9} ENDPOINTS");
        foreach (var resource in resources)
        {
            var endpoints = string.Join("  ", resource.Endpoints.Select(e => e.Key is "http" or "tcp" ? Format(e.Value) : $"{e.Key} {Format(e.Value)}"));
            var state = Describe(resource.State);
            output.WriteLine($"  {resource.Name.PadRight(_nameWidth)} {resource.Type.PadRight(typeWidth)} {state,-9} {endpoints}".TrimEnd());
        }

        output.WriteLine();
        output.WriteLine(keepData
            ? $"Data (kept between runs): {dataDirectory}"
            : $"Data (removed on exit): {dataDirectory}");
        output.WriteLine(stateFile is null
            ? "Connection strings: pass --state-file PATH to have them written there as JSON."
            : $"State file (connection strings, pids): {stateFile}");
        output.WriteLine("Press Ctrl+C to stop.");
        output.WriteLine();
    }

    public static string Describe(ResourceState state) =>
        state == ResourceState.NotStarted ? "not started" : state.ToString().ToLowerInvariant();

    private static string Format(Uri url) => url.ToString().TrimEnd('/');

    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
