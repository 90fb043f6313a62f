namespace Jewelry.Tests.Deploy;

/// <summary>What a metric becomes in Prometheus: a counter (<c>_total</c>), a histogram (three series) or a gauge.</summary>
internal enum MetricShape
{
    Counter,
    Histogram,
    Gauge,
}
