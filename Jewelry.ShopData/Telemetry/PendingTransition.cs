using System.Diagnostics;

namespace Jewelry.ShopData.Telemetry;

/// <summary>A status change being saved: its span, if sampled, and what the metrics record once the save succeeds.</summary>
internal sealed record PendingTransition(Activity? Span, string? From, string To, TimeSpan? TimeInPreviousStatus);
