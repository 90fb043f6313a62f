namespace Jewelry.Dashboard.Ingest.Records;

public enum MetricType : short
{
    Gauge = 1,
    Sum = 2,
    Histogram = 3,
    ExponentialHistogram = 4,
    Summary = 5,
}
