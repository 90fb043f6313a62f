using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Stages;

namespace Jewelry.Tests.Dashboard;

/// <summary>How the stage statistics window is read from <c>window</c>, <c>from</c> and <c>to</c>, without a server.</summary>
[Trait("Category", "Unit")]
public sealed class StageWindowTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_lookBack = TimeSpan.FromDays(7);

    [Theory]
    [InlineData(null, 60)]
    [InlineData("15m", 15)]
    [InlineData("1h", 60)]
    [InlineData("24h", 24 * 60)]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("90m", 90)]
    public void A_window_ends_now_and_reaches_back_its_length(string? window, int minutes)
    {
        var errors = new QueryErrors();

        var result = new StageWindowParameters { Window = window }.ToWindow(s_now, s_lookBack, errors);

        Assert.False(errors.HasErrors, errors.Summary());
        Assert.Equal(new StageWindow(s_now.AddMinutes(-minutes), s_now), result);
    }

    [Fact]
    public void A_window_with_to_reaches_back_from_to()
    {
        var errors = new QueryErrors();

        var result = new StageWindowParameters { Window = "24h", To = "2026-03-01T06:00:00Z" }.ToWindow(s_now, s_lookBack, errors);

        Assert.Equal(new StageWindow(new DateTimeOffset(2026, 2, 28, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero)), result);
    }

    [Fact]
    public void From_and_to_name_the_window_exactly_and_to_defaults_to_now()
    {
        var errors = new QueryErrors();
        var parameters = new StageWindowParameters { From = "2026-03-09T08:30:00Z", To = "2026-03-09T10:00:00+01:00" };

        Assert.Equal(new StageWindow(new DateTimeOffset(2026, 3, 9, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero)), parameters.ToWindow(s_now, s_lookBack, errors));
        Assert.Equal(new StageWindow(new DateTimeOffset(2026, 3, 9, 8, 30, 0, TimeSpan.Zero), s_now), new StageWindowParameters { From = "2026-03-09T08:30:00Z" }.ToWindow(s_now, s_lookBack, errors));
        Assert.False(errors.HasErrors, errors.Summary());
    }

    [Theory]
    [InlineData("3w", null, null, "window", "'3w' is not a window")]
    [InlineData("30s", null, null, "window", "shorter than a minute")]
    [InlineData("8d", null, null, "window", "longer than the 7d")]
    [InlineData("30d", null, null, "window", "longer than the 7d")]
    [InlineData("99999999999999d", null, null, "window", "is not a window")]
    [InlineData("1h", null, "0001-01-01T00:30:00Z", "to", "too early")]
    [InlineData("1h", "2026-03-09T00:00:00Z", null, "window", "either window or from")]
    [InlineData(null, "last week", null, "from", "'last week' is not a time")]
    [InlineData(null, "2026-03-09T00:00:00Z", "2026-03-08T00:00:00Z", "from", "must be before to")]
    [InlineData(null, "2026-03-01T00:00:00Z", "2026-03-09T00:00:00Z", "from", "longer than the 7d")]
    [InlineData(null, "2026-03-11T00:00:00Z", null, "from", "must be before to")]
    public void Bad_windows_say_which_parameter_and_why(string? window, string? from, string? to, string parameter, string reason)
    {
        var errors = new QueryErrors();

        var result = new StageWindowParameters { Window = window, From = from, To = to }.ToWindow(s_now, s_lookBack, errors);

        Assert.Null(result);
        Assert.True(errors.ToDictionary().ContainsKey(parameter), errors.Summary());
        Assert.Contains(reason, errors.Summary(), StringComparison.Ordinal);
    }
}
