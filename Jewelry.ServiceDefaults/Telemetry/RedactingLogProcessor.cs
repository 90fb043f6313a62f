using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Applies <see cref="TelemetryRedactor"/> to log records before export, and adds the <c>order.id</c>
/// the log was written for (from the current span's baggage), so logs can be searched by order.
/// </summary>
internal sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        var attributes = new List<KeyValuePair<string, object?>>(data.Attributes?.Count ?? 0);
        var hasOrderId = false;
        foreach (var (key, value) in data.Attributes ?? [])
        {
            if (TelemetryRedactor.IsSensitiveKey(key))
            {
                continue;
            }

            hasOrderId |= key == OrderTelemetry.OrderId;
            attributes.Add(new(key, value is string text ? TelemetryRedactor.MaskValue(text) : value));
        }

        if (!hasOrderId && Activity.Current?.GetBaggageItem(OrderTelemetry.OrderId) is { Length: > 0 } orderId)
        {
            attributes.Add(new(OrderTelemetry.OrderId, orderId));
        }

        data.Attributes = attributes;
        if (data.FormattedMessage is { } message)
        {
            data.FormattedMessage = TelemetryRedactor.MaskValue(message);
        }

        if (data.Body is { } body)
        {
            data.Body = TelemetryRedactor.MaskValue(body);
        }
    }
}
