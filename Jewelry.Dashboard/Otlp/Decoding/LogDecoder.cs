using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;

namespace Jewelry.Dashboard.Otlp.Decoding;

internal static class LogDecoder
{
    public static DecodedExport Decode(ExportLogsServiceRequest request)
    {
        var batch = new TelemetryBatch(TelemetrySignal.Logs);
        var receivedAt = UnixNano.Now();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = ResourceDecoder.Decode(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = ResourceDecoder.DecodeScope(scopeLogs.Scope);
                foreach (var log in scopeLogs.LogRecords)
                {
                    var observed = log.ObservedTimeUnixNano != 0 ? (long)log.ObservedTimeUnixNano : receivedAt;
                    batch.Logs.Add(new LogEntryRecord
                    {
                        // The specification allows a record without a time; the observed time stands in for it.
                        TimeUnixNano = log.TimeUnixNano != 0 ? (long)log.TimeUnixNano : observed,
                        ObservedTimeUnixNano = observed,
                        Resource = resource,
                        Scope = scope,
                        SeverityNumber = (short)Math.Clamp(log.SeverityNumber, 0, 24),
                        SeverityText = PostgresText.SanitizeOrNull(log.SeverityText),
                        Body = AttributeJson.ToText(log.Body),
                        AttributesJson = AttributeJson.Write(log.Attributes),
                        DroppedAttributesCount = (int)log.DroppedAttributesCount,
                        TraceId = OtlpIds.Optional(log.TraceId, OtlpIds.TraceIdLength),
                        SpanId = OtlpIds.Optional(log.SpanId, OtlpIds.SpanIdLength),
                        Flags = (int)log.Flags,
                        EventName = PostgresText.SanitizeOrNull(log.EventName),
                    });
                }
            }
        }

        return new DecodedExport(batch, 0, null);
    }
}
