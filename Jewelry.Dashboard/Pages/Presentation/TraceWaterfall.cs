using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>
/// Orders a trace's spans depth-first (children by start time) for the waterfall. Spans whose parent never
/// arrived are shown as extra roots and marked, so nothing received is hidden.
/// </summary>
public static class TraceWaterfall
{
    public static IReadOnlyList<WaterfallRow> Build(TraceDetail trace)
    {
        var spanIds = trace.Spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = trace.Spans
            .Where(s => s.ParentSpanId is not null && spanIds.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var roots = trace.Spans.Where(s => s.ParentSpanId is null || !spanIds.Contains(s.ParentSpanId));

        var total = Math.Max(1, trace.EndTimeUnixNano - trace.StartTimeUnixNano);
        var rows = new List<WaterfallRow>(trace.Spans.Count);
        var stack = new Stack<(SpanDetail Span, int Depth)>();
        foreach (var root in roots.OrderByDescending(s => s.StartTimeUnixNano))
        {
            stack.Push((root, 0));
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            var (span, depth) = stack.Pop();
            if (!visited.Add(span.SpanId))
            {
                continue;
            }

            var offset = span.StartTimeUnixNano - trace.StartTimeUnixNano;
            rows.Add(new WaterfallRow(
                span,
                depth,
                children[span.SpanId].Any(),
                span.ParentSpanId is not null && !spanIds.Contains(span.ParentSpanId),
                100.0 * offset / total,
                100.0 * (span.EndTimeUnixNano - span.StartTimeUnixNano) / total,
                offset / 1_000_000.0));

            foreach (var child in children[span.SpanId].OrderByDescending(s => s.StartTimeUnixNano))
            {
                stack.Push((child, depth + 1));
            }
        }

        return rows;
    }
}
