using System.Text.Json;

namespace Jewelry.Dashboard.Storage.Queries;

internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static IReadOnlyList<T> ParseList<T>(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
