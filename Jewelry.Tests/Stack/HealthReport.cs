using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Jewelry.Tests.Stack;

/// <summary>The JSON body of an API's /health endpoint.</summary>
internal sealed record HealthReport(string Status, Dictionary<string, HealthReport.Check> Checks)
{
    public static async Task<(int StatusCode, HealthReport Report)> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(cancellationToken)
            ?? throw new InvalidOperationException("/health returned no body");
        return ((int)response.StatusCode, report);
    }

    public sealed record Check(string Status, string? Description, [property: JsonPropertyName("durationMs")] double DurationMs);
}
