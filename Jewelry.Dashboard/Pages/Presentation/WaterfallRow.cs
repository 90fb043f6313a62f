using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>A span placed on the waterfall: its depth in the tree and its bar as percentages of the trace.</summary>
public sealed record WaterfallRow(
    SpanDetail Span,
    int Depth,
    bool HasChildren,
    bool IsOrphan,
    double OffsetPercent,
    double WidthPercent,
    double OffsetMs);
