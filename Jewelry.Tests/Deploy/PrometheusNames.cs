using System.Text.RegularExpressions;

namespace Jewelry.Tests.Deploy;

/// <summary>
/// How the collector's prometheus exporter names an OpenTelemetry metric: dots and other characters to underscores,
/// the unit as a suffix (annotations such as <c>{message}</c> dropped), <c>_total</c> on monotonic counters, and
/// <c>_bucket</c>/<c>_sum</c>/<c>_count</c> series for histograms.
/// </summary>
internal static partial class PrometheusNames
{
    private static readonly Dictionary<string, string> s_unitWords = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["By"] = "bytes",
    };

    public static string Label(string attribute) => Invalid().Replace(attribute, "_");

    public static IEnumerable<string> Series(string metric, string? unit, MetricShape shape)
    {
        var name = Label(metric);
        if (unit is not null && s_unitWords.TryGetValue(unit, out var word) && !name.EndsWith("_" + word, StringComparison.Ordinal))
        {
            name += "_" + word;
        }

        return shape switch
        {
            MetricShape.Counter => [name + "_total"],
            MetricShape.Histogram => [name + "_bucket", name + "_sum", name + "_count"],
            _ => [name],
        };
    }

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex Invalid();
}
