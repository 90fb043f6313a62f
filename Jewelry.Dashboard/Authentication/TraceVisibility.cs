using System.Security.Claims;
using System.Text.Json;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// Support users see only the spans that carry an order id, so customer-facing staff follow orders without
/// reading internal traffic. The trace's figures are recomputed from the spans they see.
/// </summary>
public static class TraceVisibility
{
    public const string OrderIdAttribute = "order.id";

    public static string ForbiddenDetail(string traceId) =>
        $"Support users can only see traces of orders, and no span of trace {traceId} carries the attribute {OrderIdAttribute}.";

    /// <summary>The trace as <paramref name="user"/> may see it, or null when they may see none of it.</summary>
    public static TraceDetail? For(ClaimsPrincipal user, TraceDetail trace) =>
        user.SeesAllTelemetry() ? trace : OrderSpansOnly(trace);

    public static TraceDetail? OrderSpansOnly(TraceDetail trace)
    {
        var spans = trace.Spans.Where(CarriesOrderId).ToList();
        if (spans.Count == 0)
        {
            return null;
        }

        if (spans.Count == trace.Spans.Count)
        {
            return trace;
        }

        var start = spans.Min(s => s.StartTimeUnixNano);
        var resourceIds = spans.Select(s => s.ResourceId).ToHashSet(StringComparer.Ordinal);
        return new TraceDetail(
            trace.TraceId,
            UnixNano.ToDateTimeOffset(start),
            start,
            spans.Max(s => s.EndTimeUnixNano),
            spans.Count(s => s.StatusCode == SpanStatusCode.Error),
            spans.Select(s => s.ServiceName).Distinct(StringComparer.Ordinal).ToList(),
            spans,
            trace.Resources.Where(r => resourceIds.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal))
        {
            HiddenSpanCount = trace.Spans.Count - spans.Count,
        };
    }

    public static bool CarriesOrderId(SpanDetail span) =>
        span.Attributes.ValueKind == JsonValueKind.Object
        && span.Attributes.TryGetProperty(OrderIdAttribute, out var value)
        && value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => !string.IsNullOrWhiteSpace(value.GetString()),
            _ => true,
        };
}
