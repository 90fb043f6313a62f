using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// How evaluation and delivery go, for <c>GET /api/alerts</c> and as instruments of meter <c>Jewelry.Dashboard.Alerts</c>:
/// a webhook that keeps failing shows in <c>dashboard.alerts.webhook.failures</c> (by receiver) as well as in the logs.
/// </summary>
public sealed class AlertCounters
{
    public const string MeterName = "Jewelry.Dashboard.Alerts";
    public const string ReceiverTag = "receiver";

    private readonly Counter<long> _evaluationFailures;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _deliveryFailures;
    private readonly ConcurrentDictionary<string, long> _failuresByReceiver = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastEvaluatedAt;
    private string? _lastEvaluationError;
    private int _firing;

    public AlertCounters(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _evaluationFailures = meter.CreateCounter<long>("dashboard.alerts.evaluation_failures", "{evaluation}", "Rule evaluations that failed.");
        _deliveries = meter.CreateCounter<long>("dashboard.alerts.webhook.deliveries", "{notification}", "Webhook notifications delivered.");
        _deliveryFailures = meter.CreateCounter<long>("dashboard.alerts.webhook.failures", "{attempt}", "Webhook deliveries that failed after their retries.");
        meter.CreateObservableGauge("dashboard.alerts.firing", () => Volatile.Read(ref _firing), "{alert}", "Alerts firing after the last evaluation.");
    }

    public AlertEvaluationStatus Snapshot()
    {
        lock (_lock)
        {
            return new AlertEvaluationStatus(_lastEvaluatedAt, _lastEvaluationError, Volatile.Read(ref _firing), new SortedDictionary<string, long>(_failuresByReceiver));
        }
    }

    internal void Evaluated(DateTimeOffset at, int firing)
    {
        lock (_lock)
        {
            _lastEvaluatedAt = at;
            _lastEvaluationError = null;
        }

        Volatile.Write(ref _firing, firing);
    }

    internal void EvaluationFailed(string error)
    {
        lock (_lock)
        {
            _lastEvaluationError = error;
        }

        _evaluationFailures.Add(1);
    }

    internal void Delivered(string receiver) => _deliveries.Add(1, new KeyValuePair<string, object?>(ReceiverTag, receiver));

    internal void DeliveryFailed(string receiver)
    {
        _failuresByReceiver.AddOrUpdate(receiver, 1, (_, count) => count + 1);
        _deliveryFailures.Add(1, new KeyValuePair<string, object?>(ReceiverTag, receiver));
    }
}
