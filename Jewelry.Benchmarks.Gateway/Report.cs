using System.Globalization;
using System.Text;

namespace Jewelry.Benchmarks.Gateway;

/// <summary>The figures, in milliseconds and microseconds, with the machine's load.</summary>
public static class Report
{
    public static string Format(
        GatewayOverhead overhead, TokenValidationCost validation, List<TimeSpan> tokenRequests, TokenValidationCost operatorValidation, List<TimeSpan> operatorTokenRequests)
    {
        var direct = Sorted(overhead.Direct);
        var gateway = Sorted(overhead.ThroughGateway);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {Environment.ProcessorCount} cores, {direct.Count} reads each way");
        text.AppendLine(CultureInfo.InvariantCulture, $"GET seller order, direct to the MES: p50 {Ms(At(direct, 50))} ms, p99 {Ms(At(direct, 99))} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"GET seller order, through the gateway: p50 {Ms(At(gateway, 50))} ms, p99 {Ms(At(gateway, 99))} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"Gateway adds: p50 {Ms(At(gateway, 50) - At(direct, 50))} ms, p99 {Ms(At(gateway, 99) - At(direct, 99))} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"Token validation (JsonWebTokenHandler, RS256, in process): {validation.PerToken.TotalMicroseconds:0.0} µs per token over {validation.Count}");
        var issued = Sorted(tokenRequests);
        text.AppendLine(CultureInfo.InvariantCulture, $"Token request (client credentials, secret hash checked): p50 {Ms(At(issued, 50))} ms, max {Ms(issued[^1])} ms over {issued.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Operator token validation (JsonWebTokenHandler, RS256, in process): {operatorValidation.PerToken.TotalMicroseconds:0.0} µs per token over {operatorValidation.Count}");
        var signIns = Sorted(operatorTokenRequests);
        text.AppendLine(CultureInfo.InvariantCulture, $"Operator token request (password grant, password hash checked): p50 {Ms(At(signIns, 50))} ms, max {Ms(signIns[^1])} ms over {signIns.Count}");
        return text.ToString();
    }

    private static List<TimeSpan> Sorted(List<TimeSpan> samples) => [.. samples.Order()];

    /// <summary>Nearest rank: the smallest sample with at least p% of the samples at or below it.</summary>
    private static TimeSpan At(List<TimeSpan> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count), 1, sorted.Count) - 1];

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
