using System.Text.Json;

namespace Jewelry.Dashboard.Resources;

/// <summary>
/// Reads <c>Dashboard:ResourceStateFile</c>, which the AppHost rewrites whenever a resource changes state:
/// <c>{ "dataDirectory": "...", "resources": [ { "name", "type", "state", "pid", "endpoints": { "http": "..." } } ] }</c>.
/// </summary>
public sealed class ResourceStateReader(IConfiguration configuration)
{
    public const string StateFileKey = "Dashboard:ResourceStateFile";

    public async Task<ResourceSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var path = configuration[StateFileKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return new ResourceSnapshot(null, null, [], null, null);
        }

        if (!File.Exists(path))
        {
            return new ResourceSnapshot(path, null, [], null, "The state file does not exist (yet).");
        }

        try
        {
            // The AppHost may be rewriting it right now: read it whole, retry once on a torn read.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
                    return Parse(path, document.RootElement, File.GetLastWriteTimeUtc(path));
                }
                catch (JsonException) when (attempt == 0)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return new ResourceSnapshot(path, null, [], null, $"The state file cannot be read: {exception.Message}");
        }
    }

    private static ResourceSnapshot Parse(string path, JsonElement root, DateTime lastWritten)
    {
        var resources = new List<ResourceEntry>();
        if (root.TryGetProperty("resources", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
                if (item.TryGetProperty("endpoints", out var endpointObject) && endpointObject.ValueKind == JsonValueKind.Object)
                {
                    foreach (var endpoint in endpointObject.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
                    {
                        endpoints[endpoint.Name] = endpoint.Value.GetString()!;
                    }
                }

                resources.Add(new ResourceEntry(
                    String(item, "name") ?? "?",
                    String(item, "type"),
                    String(item, "state"),
                    String(item, "reason"),
                    item.TryGetProperty("pid", out var pid) && pid.TryGetInt32(out var pidValue) ? pidValue : null,
                    endpoints));
            }
        }

        return new ResourceSnapshot(path, String(root, "dataDirectory"), resources, new DateTimeOffset(lastWritten, TimeSpan.Zero), null);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
