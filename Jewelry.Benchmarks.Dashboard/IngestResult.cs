namespace Jewelry.Benchmarks.Dashboard;

/// <summary>Spans stored through the dashboard, from the first request until the last span was written.</summary>
internal sealed record IngestResult(long Spans, double Seconds, double AcceptedSeconds, long RefusedAndRetried)
{
    public double SpansPerSecond => Spans / Seconds;
}
