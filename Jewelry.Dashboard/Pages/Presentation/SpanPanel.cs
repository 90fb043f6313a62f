using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>What the span details panel shows.</summary>
public sealed record SpanPanel(TraceDetail Trace, SpanDetail Span, ResourceDetail? Resource, IReadOnlyList<LogEntry> Logs)
{
    public double OffsetMs => (Span.StartTimeUnixNano - Trace.StartTimeUnixNano) / 1_000_000.0;
}
