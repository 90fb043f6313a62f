using System.Net;
using System.Text.Json;

namespace Jewelry.Tests.Dashboard;

/// <summary>Reads the dashboard's JSON API as the tests and scripts use it.</summary>
internal static class DashboardApiClient
{
    public static async Task<JsonDocument?> GetTraceAsync(this HttpClient api, string traceId)
    {
        using var response = await api.GetAsync($"/api/traces/{traceId}", TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Waits until the trace has <paramref name="spanCount"/> spans stored (ingest is asynchronous by design).</summary>
    public static Task<JsonDocument> WaitForTraceAsync(this HttpClient api, string traceId, int spanCount, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            () => api.GetTraceAsync(traceId),
            trace => trace is not null && trace.RootElement.GetProperty("spans").GetArrayLength() >= spanCount,
            timeout ?? TimeSpan.FromSeconds(20),
            $"trace {traceId} with {spanCount} spans");

    public static async Task<JsonElement> GetJsonAsync(this HttpClient api, string url)
    {
        using var response = await api.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<IReadOnlyList<string>> SearchTraceIdsAsync(this HttpClient api, string query)
    {
        var result = await api.GetJsonAsync("/api/traces?" + query);
        return result.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("traceId").GetString()!).ToList();
    }

    public static async Task<long> CounterAsync(this HttpClient api, string signal, string counter)
    {
        var status = await api.GetJsonAsync("/api/status");
        return status.GetProperty("ingest").GetProperty(signal).GetProperty(counter).GetInt64();
    }
}
