using System.Globalization;
using System.Xml.Linq;
using Jewelry.Dashboard.Stages;

namespace Jewelry.Tests.Dashboard;

/// <summary>The server-rendered stage chart, without a server: well-formed SVG, escaped labels, bars to scale, readable axis.</summary>
[Trait("Category", "Unit")]
public sealed class StageChartTests
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Each_row_is_one_group_of_p99_p95_and_p50_bars_in_the_given_order()
    {
        StageChartRow[] rows =
        [
            new("SUBMITTED", 250, 800, 1_000),
            new("PRICE_CALCULATED", 10, 20, 40),
            new("CLOSED", 0, 0, 0),
        ];

        var chart = XDocument.Parse(StageChart.Render("Time in each status", rows));

        var svg = chart.Root!;
        Assert.Equal(s_svg + "svg", svg.Name);
        Assert.Equal(StageChart.Width.ToString(CultureInfo.InvariantCulture), (string?)svg.Attribute("width"));
        Assert.Equal((StageChart.HeaderHeight + (3 * StageChart.RowHeight) + StageChart.AxisHeight).ToString(CultureInfo.InvariantCulture), (string?)svg.Attribute("height"));
        Assert.Equal("Time in each status", svg.Element(s_svg + "title")!.Value);
        var groups = Rows(chart);
        Assert.Equal(["SUBMITTED", "PRICE_CALCULATED", "CLOSED"], groups.Select(g => g.Element(s_svg + "text")!.Value));
        Assert.All(groups, g => Assert.Equal(["p99", "p95", "p50"], g.Elements(s_svg + "rect").Select(r => (string?)r.Attribute("class"))));
        Assert.Equal("SUBMITTED: p50 250ms, p95 800ms, p99 1s", groups[0].Element(s_svg + "title")!.Value);
    }

    [Fact]
    public void Bars_are_to_scale_on_an_axis_that_ends_at_a_round_tick()
    {
        // 1000 ms is five 200 ms ticks: the p99 bar fills the plot, p95 is 80% of it, p50 a quarter.
        var chart = XDocument.Parse(StageChart.Render("Hops", [new StageChartRow("SELECT orders", 250, 800, 1_000)]));

        var bars = Rows(chart).Single().Elements(s_svg + "rect").ToDictionary(r => (string)r.Attribute("class")!, r => double.Parse((string)r.Attribute("width")!, CultureInfo.InvariantCulture));
        Assert.Equal(0.8, bars["p95"] / bars["p99"], 2);
        Assert.Equal(0.25, bars["p50"] / bars["p99"], 2);
        var ticks = chart.Root!.Elements(s_svg + "text").Select(t => t.Value).Where(t => char.IsAsciiDigit(t[0])).ToList();
        Assert.Equal(["0ms", "200ms", "400ms", "600ms", "800ms", "1000ms"], ticks);
    }

    [Theory]
    [InlineData(0.28, 0.05, "50µs")]
    [InlineData(1_000, 200, "200ms")]
    [InlineData(45_000, 10_000, "10s")]
    [InlineData(90 * 60_000, 15 * 60_000, "15min")]
    [InlineData(3 * 86_400_000, 12 * 3_600_000, "12h")]
    [InlineData(20 * 86_400_000.0, 7 * 86_400_000, "7d")]
    public void The_axis_step_is_a_round_number_of_one_unit(double maxMs, double expectedStep, string firstTick)
    {
        var (step, end) = StageChart.Scale(maxMs);

        Assert.Equal(expectedStep, step, 9);
        Assert.InRange(end / step, 1, 6.000001);
        Assert.True(end >= maxMs, $"the axis ends at {end}, before {maxMs}");
        Assert.Equal(firstTick, StageChart.TickLabel(step, step));
    }

    [Fact]
    public void Labels_from_telemetry_are_escaped_and_characters_xml_cannot_hold_are_replaced()
    {
        const string label = "<script>alert(\"x\")</script> & 'q'\u0001";

        var svg = StageChart.Render("Spans & \"hops\"", [new StageChartRow(label, 1, 2, 3)]);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        var chart = XDocument.Parse(svg);
        Assert.Equal("Spans & \"hops\"", chart.Root!.Element(s_svg + "title")!.Value);
        Assert.Equal("Spans & \"hops\"", (string?)chart.Root.Attribute("aria-label"));
        Assert.Equal("<script>alert(\"x\")</script> & 'q'\uFFFD", Rows(chart).Single().Element(s_svg + "text")!.Value);
    }

    [Fact]
    public void Long_labels_are_shortened_in_the_middle_on_the_bar_and_whole_in_the_tooltip()
    {
        var label = "mes-api: " + new string('x', 80) + "/ship";

        var row = Rows(XDocument.Parse(StageChart.Render("Hops", [new StageChartRow(label, 1, 2, 3)]))).Single();

        var shown = row.Element(s_svg + "text")!.Value;
        Assert.Equal(StageChart.MaxLabelLength, shown.Length);
        Assert.StartsWith("mes-api: xxx", shown, StringComparison.Ordinal);
        Assert.EndsWith("xxx/ship", shown, StringComparison.Ordinal);
        Assert.Contains("…", shown, StringComparison.Ordinal);
        Assert.StartsWith(label + ":", row.Element(s_svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_of_one_service_that_differ_only_at_the_end_keep_different_labels()
    {
        string[] routes = ["start", "complete", "package", "ship"];

        var labels = routes.Select(route => StageChart.Truncate($"mes-api: POST /api/production-orders/{{id:guid}}/{route}")).ToList();

        Assert.Equal(routes.Length, labels.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void No_rows_is_a_small_chart_that_says_there_is_no_data()
    {
        var chart = XDocument.Parse(StageChart.Render("Time in each status", []));

        Assert.Equal(StageChart.EmptyHeight.ToString(CultureInfo.InvariantCulture), (string?)chart.Root!.Attribute("height"));
        Assert.Contains(chart.Root.Elements(s_svg + "text"), t => t.Value == StageChart.EmptyText);
        Assert.Empty(chart.Descendants(s_svg + "rect"));
    }

    private static List<XElement> Rows(XDocument chart) =>
        chart.Descendants(s_svg + "g").Where(g => (string?)g.Attribute("class") == "stage").ToList();
}
