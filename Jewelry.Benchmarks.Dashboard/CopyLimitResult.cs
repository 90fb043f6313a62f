namespace Jewelry.Benchmarks.Dashboard;

/// <summary>The same rows by binary COPY straight into a fresh database with the dashboard's schema, before or after the dashboard's run.</summary>
internal sealed record CopyLimitResult(string When, long Spans, double Seconds, int BatchSize, int Writers)
{
    public double SpansPerSecond => Spans / Seconds;
}
