using Jewelry.Dashboard.Pages.Presentation;

namespace Jewelry.Tests.Dashboard;

[Trait("Category", "Unit")]
public sealed class DurationBarTests
{
    [Theory]
    [InlineData(10_000, 10_000, "100%")]
    [InlineData(0, 10_000, "0%")]
    [InlineData(99, 9_999, "50%")]
    [InlineData(5, 0, "0%")]
    public void Bars_grow_with_the_logarithm_of_the_duration(double durationMs, double longestMs, string width)
        => Assert.Equal(width, DurationBar.Width(durationMs, longestMs));

    [Fact]
    public void A_50_ms_trace_beside_a_10_s_one_stays_visible()
        => Assert.True(double.Parse(DurationBar.Width(50, 10_000).TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) > 35);
}
