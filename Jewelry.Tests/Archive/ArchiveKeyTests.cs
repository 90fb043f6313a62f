using Jewelry.Dashboard.Archive;

namespace Jewelry.Tests.Archive;

/// <summary>The archive's object layout: signal/date/hour, parts for telemetry that arrived after the hour was written.</summary>
[Trait("Category", "Unit")]
public sealed class ArchiveKeyTests
{
    private static readonly DateTimeOffset s_hour = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keys_name_the_signal_the_utc_day_and_hour_and_read_back()
    {
        Assert.Equal("traces/2026-11-20/14.json.gz", ArchiveKey.For(ArchiveSignal.Traces, s_hour, 0));
        Assert.Equal("logs/2026-11-20/14.2.json.gz", ArchiveKey.For(ArchiveSignal.Logs, s_hour, 2));
        Assert.Equal("metrics/2026-11-20/14.1.json.gz", ArchiveKey.For(ArchiveSignal.Metrics, s_hour, 1));
        Assert.Equal(s_hour, ArchiveKey.HourOf("logs/2026-11-20/14.2.json.gz"));
        Assert.Equal(s_hour, ArchiveKey.HourOf("metrics/2026-11-20/14.json.gz"));
        Assert.Equal(0, ArchiveKey.PartOf("metrics/2026-11-20/14.json.gz"));
        Assert.Equal(12, ArchiveKey.PartOf("metrics/2026-11-20/14.12.json.gz"));
        Assert.Equal(s_hour, ArchiveKey.HourStart(new DateTimeOffset(2026, 11, 20, 17, 59, 59, TimeSpan.FromHours(3))));
    }

    [Theory]
    [InlineData("traces/2026-11-20/14.json")]
    [InlineData("spans/2026-11-20/14.json.gz")]
    [InlineData("traces/2026-11-20/25.json.gz")]
    [InlineData("traces/20-11-2026/14.json.gz")]
    public void Keys_the_archive_did_not_write_are_not_hours(string key) => Assert.Null(ArchiveKey.HourOf(key));
}
