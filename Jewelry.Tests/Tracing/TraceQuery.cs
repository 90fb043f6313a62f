using Jewelry.Tests.Hosting;

namespace Jewelry.Tests.Tracing;

/// <summary>Finds exported spans and traces, waiting for the exporters' next batches where needed.</summary>
internal sealed class TraceQuery(OtlpTestReceiver receiver, Func<string>? log = null)
{
    private static readonly TimeSpan s_exportWithin = TimeSpan.FromSeconds(30);

    public IReadOnlyList<CapturedSpan> OfOrder(Guid orderId) =>
        [.. receiver.Spans.Where(s => s["order.id"] == orderId.ToString())];

    /// <summary>
    /// The spans of the trace that holds the span matching <paramref name="entry"/>, once a span matching each
    /// of <paramref name="required"/> has arrived: services export on their own schedules, so a trace fills in
    /// out of order.
    /// </summary>
    public Task<IReadOnlyList<CapturedSpan>> TraceAsync(Func<CapturedSpan, bool> entry, string description, params Func<CapturedSpan, bool>[] required) =>
        TraceAsync(entry, trace => required.All(r => trace.Any(r)), description);

    public async Task<IReadOnlyList<CapturedSpan>> TraceAsync(Func<CapturedSpan, bool> entry, Func<IReadOnlyList<CapturedSpan>, bool> complete, string description)
    {
        IReadOnlyList<CapturedSpan> trace = [];
        await Eventually.WaitUntilAsync(
            () =>
            {
                var start = receiver.Spans.FirstOrDefault(entry);
                trace = start is null ? [] : receiver.Trace(start.TraceId);
                return trace.Count > 0 && complete(trace);
            },
            s_exportWithin,
            () => $"{description}; spans so far:{Environment.NewLine}{string.Join(Environment.NewLine, trace.Count > 0 ? trace : receiver.Spans.TakeLast(40))}"
            + $"{Environment.NewLine}by service: {string.Join(", ", receiver.Spans.GroupBy(s => s.Service).Select(g => $"{g.Key}={g.Count()}"))}; requests {receiver.RequestSummary}"
            + $"{Environment.NewLine}{string.Join(Environment.NewLine, (log?.Invoke() ?? string.Empty).Split('\n').Where(l => l.StartsWith("[mes-api]", StringComparison.Ordinal) || l.StartsWith("[crm-api]", StringComparison.Ordinal)).TakeLast(60))}");
        return trace;
    }

    public static CapturedSpan Single(IReadOnlyList<CapturedSpan> trace, string service, string kind, Func<CapturedSpan, bool> match, string description)
    {
        var found = trace.Where(s => s.Service == service && s.Kind == kind && match(s)).ToList();
        Assert.True(found.Count == 1, $"expected one {kind} span in {service}: {description}; found {found.Count} in:{Environment.NewLine}{string.Join(Environment.NewLine, trace)}");
        return found[0];
    }

    public static void AssertChildOf(CapturedSpan child, CapturedSpan parent) =>
        Assert.True(child.ParentSpanId == parent.SpanId, $"{child} should be a child of {parent}");

    /// <summary>True when <paramref name="span"/> descends from <paramref name="ancestor"/> within <paramref name="trace"/>.</summary>
    public static bool DescendsFrom(IReadOnlyList<CapturedSpan> trace, CapturedSpan span, CapturedSpan ancestor)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; current.ParentSpanId is { } parentId && byId.TryGetValue(parentId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
