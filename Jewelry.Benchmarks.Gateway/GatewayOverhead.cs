using System.Diagnostics;
using System.Net.Http.Headers;

namespace Jewelry.Benchmarks.Gateway;

/// <summary>Latencies of the same seller read, straight to the MES and through the gateway, interleaved so both see the same machine.</summary>
public sealed record GatewayOverhead(List<TimeSpan> Direct, List<TimeSpan> ThroughGateway)
{
    private const int Warmup = 100;

    public static async Task<GatewayOverhead> MeasureAsync(PartnerSystem stack, string token, string path, int rounds)
    {
        var direct = new List<TimeSpan>(rounds);
        var gateway = new List<TimeSpan>(rounds);
        for (var i = -Warmup; i < rounds; i++)
        {
            // Alternate which goes first, so neither always meets a warmer cache.
            var first = i % 2 == 0;
            var a = await TimeAsync(first ? stack.Mes : stack.Gateway, token, path);
            var b = await TimeAsync(first ? stack.Gateway : stack.Mes, token, path);
            if (i >= 0)
            {
                direct.Add(first ? a : b);
                gateway.Add(first ? b : a);
            }
        }

        return new GatewayOverhead(direct, gateway);
    }

    private static async Task<TimeSpan> TimeAsync(HttpClient client, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        response.EnsureSuccessStatusCode();
        return elapsed;
    }
}
