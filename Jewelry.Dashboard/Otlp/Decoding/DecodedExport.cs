using Jewelry.Dashboard.Ingest;

namespace Jewelry.Dashboard.Otlp.Decoding;

/// <summary>The records of one export request, and how many were refused as invalid (with the first reason).</summary>
public sealed record DecodedExport(TelemetryBatch Batch, long Rejected, string? RejectionReason);
