using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Jewelry.Dashboard.Stages;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Stage statistics over a real dashboard and PostgreSQL: orders sent over OTLP with chosen times, and the
/// counts, percentiles, error rates and slowest orders they must give. The dashboard and its database are this
/// class's own, and each test writes to a two-hour window on a different day, on whole hours as the rollups count
/// them, so every number is exact but the percentiles, which are within the histogram's stated error.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class StageStatisticsTests(StageDashboardFixture fixture) : IClassFixture<StageDashboardFixture>
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Statuses_and_hops_give_exact_counts_percentiles_error_rates_and_slowest_orders()
    {
        var data = await SendOrdersAsync(daysBack: 3);

        var report = await fixture.Api.GetJsonAsync("/api/stages?" + data.Query);

        Assert.Equal(data.From, report.GetProperty("window").GetProperty("from").GetDateTimeOffset());
        Assert.Equal(data.To, report.GetProperty("window").GetProperty("to").GetDateTimeOffset());

        // Lifecycle order as configured; ON_HOLD is not configured, so it comes last.
        var statuses = report.GetProperty("statuses").EnumerateArray().ToList();
        Assert.Equal(["INITIATED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED", "ON_HOLD"], statuses.Select(s => s.GetProperty("status").GetString()));

        // INITIATED: G 6600->7800 (a stay that began in the window counts once it ended, after the window too), A 60->180,
        // B 120->600, C 300->360, E 480->480.5, H 900->1500 (its failed FILE_UPLOADED at 960 does not end the stay);
        // D is still in it; F entered before the window. The five slowest are listed.
        AssertStatus(statuses[0], StageDashboardFixture.Lifecycle[0].Stage, transitions: 7, failed: 0, inProgress: 1,
            stays: [(data.G, 1200), (data.H, 600), (data.B, 480), (data.A, 120), (data.C, 60), (data.E, 0.5)]);

        // FILE_UPLOADED: A 180->240, B 600->690, C 360->1200, E 480.5->540, F 1800->1830; H's successful entry at
        // 1500 has no next status; H's failed one at 960 is the error. G's at 7800 is after the window.
        AssertStatus(statuses[1], StageDashboardFixture.Lifecycle[1].Stage, transitions: 7, failed: 1, inProgress: 1,
            stays: [(data.C, 840), (data.B, 90), (data.A, 60), (data.E, 59.5), (data.F, 30)]);

        // SUBMITTED: A 240->270, B 690->760 (the failed PRICE_CALCULATED at 700 does not count); C and F still in it.
        AssertStatus(statuses[2], StageDashboardFixture.Lifecycle[2].Stage, transitions: 4, failed: 0, inProgress: 2,
            stays: [(data.B, 70), (data.A, 30)]);

        // PRICE_CALCULATED: A and B are still in it, B failed once on the way: no stay measured, one error in three.
        AssertStatus(statuses[3], StageDashboardFixture.Lifecycle[3].Stage, transitions: 3, failed: 1, inProgress: 2, stays: []);
        AssertStatus(statuses[4], null, transitions: 1, failed: 0, inProgress: 1, stays: []);

        var hops = report.GetProperty("hops").EnumerateArray().ToList();
        Assert.False(report.GetProperty("hopsTruncated").GetBoolean());
        var countedWindow = report.GetProperty("countedWindow");
        Assert.Equal(data.From, countedWindow.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(data.To, countedWindow.GetProperty("to").GetDateTimeOffset());

        // By total time: 1000 ms internal, 250 ms S3, 120 + 80 ms HTTP, 4 + 9 + 1 + 16 + 25 ms database, 3 ms queue.
        // The 500 ms SELECT after the window and the span without order.id are not hops of this window.
        Assert.Equal(
            ["Internal price.calculate", "Store S3.PutObject", "Http POST /orders/{id}/submit", "Database SELECT orders", "Queue send price.requested"],
            hops.Select(h => $"{h.GetProperty("kind").GetString()} {h.GetProperty("name").GetString()}"));
        Assert.All(hops, h => Assert.Equal(data.Service, h.GetProperty("service").GetString()));
        AssertHop(hops[0], errors: 0, [(data.D, 1000)]);
        AssertHop(hops[1], errors: 0, [(data.A, 250)]);
        AssertHop(hops[2], errors: 0, [(data.A, 120), (data.B, 80)]);
        AssertHop(hops[3], errors: 1, [(data.E, 25), (data.D, 16), (data.B, 9), (data.A, 4), (data.C, 1)]);
        AssertHop(hops[4], errors: 0, [(data.B, 3)]);

        // The slowest stays point at the transition into the status, and the slowest hops at their span.
        var slowestInitiated = statuses[0].GetProperty("slowest")[0];
        Assert.Equal(data.G.TraceIdHex, slowestInitiated.GetProperty("traceId").GetString());
        Assert.Equal(data.SpanOf(data.G, "INITIATED"), slowestInitiated.GetProperty("spanId").GetString());
        Assert.Equal(data.SlowestSelectSpan, hops[3].GetProperty("slowest")[0].GetProperty("spanId").GetString());
    }

    [Fact]
    public async Task The_chart_is_svg_with_one_row_per_measured_status_or_per_hop()
    {
        var data = await SendOrdersAsync(daysBack: 4);

        using var statusResponse = await fixture.Api.GetAsync("/api/stages/chart.svg?" + data.Query, TestContext.Current.CancellationToken);
        using var hopResponse = await fixture.Api.GetAsync("/api/stages/chart.svg?kind=hop&" + data.Query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, statusResponse.StatusCode);
        Assert.Equal("image/svg+xml", statusResponse.Content.Headers.ContentType?.MediaType);
        var statusChart = XDocument.Parse(await statusResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(s_svg + "svg", statusChart.Root!.Name);
        Assert.Equal(["INITIATED", "FILE_UPLOADED", "SUBMITTED"], RowLabels(statusChart));

        var hopChart = XDocument.Parse(await hopResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            [$"{data.Service}: price.calculate", $"{data.Service}: S3.PutObject", $"{data.Service}: POST /orders/{{id}}/submit", $"{data.Service}: SELECT orders", $"{data.Service}: send price.requested"],
            RowLabels(hopChart));
    }

    [Fact]
    public async Task The_page_shows_both_tables_both_charts_and_links_the_slowest_orders_to_their_journey()
    {
        var data = await SendOrdersAsync(daysBack: 5);

        using var response = await fixture.Api.GetAsync("/stages?" + data.Query, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"status-table\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"hop-table\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<svg ").Length - 1);
        Assert.Contains($"href=\"/orders/{data.H.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/traces/{data.H.TraceIdHex}?span={data.SpanOf(data.H, "INITIATED")}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_parameters_the_window_is_the_last_hour()
    {
        var before = DateTimeOffset.UtcNow;

        var report = await fixture.Api.GetJsonAsync("/api/stages");

        var from = report.GetProperty("window").GetProperty("from").GetDateTimeOffset();
        var to = report.GetProperty("window").GetProperty("to").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), to - from);
        Assert.InRange(to, before, DateTimeOffset.UtcNow);
    }

    /// <summary>The full label of each bar row, from its tooltip (the visible text may be shortened).</summary>
    private static List<string> RowLabels(XDocument chart) =>
        chart.Descendants(s_svg + "g")
            .Where(g => (string?)g.Attribute("class") == "stage")
            .Select(g => g.Element(s_svg + "title")!.Value)
            .Select(title => title[..title.LastIndexOf(": p50 ", StringComparison.Ordinal)])
            .ToList();

    private static void AssertStatus(JsonElement row, string? stage, int transitions, int failed, int inProgress, (StageOrder Order, double Seconds)[] stays)
    {
        var status = row.GetProperty("status").GetString();
        Assert.Equal(stage, row.GetProperty("stage").GetString());
        Assert.Equal(transitions, row.GetProperty("transitions").GetInt64());
        Assert.Equal(failed, row.GetProperty("failed").GetInt64());
        Assert.Equal((double)failed / transitions, row.GetProperty("errorRate").GetDouble(), 1e-12);
        Assert.Equal(stays.Length, row.GetProperty("count").GetInt64());
        Assert.Equal(inProgress, row.GetProperty("inProgress").GetInt64());
        var milliseconds = stays.Select(s => s.Seconds * 1000).ToArray();
        AssertPercentiles(row, milliseconds, status, LatencyHistogram.RelativeError);
        AssertSlowest(row, stays.Take(StageStatisticsQueries.SlowestPerStage).Select(s => (s.Order, s.Seconds * 1000)).ToArray());
    }

    private static void AssertHop(JsonElement row, int errors, (StageOrder Order, double Milliseconds)[] spans)
    {
        Assert.Equal(spans.Length, row.GetProperty("count").GetInt64());
        Assert.Equal(errors, row.GetProperty("errors").GetInt64());
        Assert.Equal((double)errors / spans.Length, row.GetProperty("errorRate").GetDouble(), 1e-12);
        Assert.Equal(spans.Sum(s => s.Milliseconds), row.GetProperty("totalMs").GetDouble(), 1e-6);
        Assert.Equal(spans.Max(s => s.Milliseconds), row.GetProperty("maxMs").GetDouble(), 1e-6);
        // Hops come from rollups: their percentiles are read from latency buckets, within the histogram's stated error.
        AssertPercentiles(row, spans.Select(s => s.Milliseconds).ToArray(), row.GetProperty("name").GetString(), LatencyHistogram.RelativeError);
        AssertSlowest(row, spans);
    }

    private static void AssertPercentiles(JsonElement row, double[] milliseconds, string? what, double relativeError = 0)
    {
        foreach (var (property, fraction) in new[] { ("p50Ms", 0.5), ("p95Ms", 0.95), ("p99Ms", 0.99) })
        {
            var actual = row.GetProperty(property);
            if (milliseconds.Length == 0)
            {
                Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            }
            else
            {
                var expected = PercentileCont(milliseconds, fraction);
                Assert.True(Math.Abs(expected - actual.GetDouble()) <= Math.Max(1e-6, expected * relativeError),
                    $"{what} {property}: expected {PercentileCont(milliseconds, fraction)}, got {actual.GetDouble()}");
            }
        }
    }

    /// <summary>The slowest are listed longest first, at most five, each with the order and its duration.</summary>
    private static void AssertSlowest(JsonElement row, (StageOrder Order, double Milliseconds)[] expected)
    {
        var slowest = row.GetProperty("slowest").EnumerateArray().ToList();
        Assert.Equal(expected.Length, slowest.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Order.Id, slowest[i].GetProperty("orderId").GetString());
            Assert.Equal(expected[i].Order.TraceIdHex, slowest[i].GetProperty("traceId").GetString());
            Assert.Equal(expected[i].Milliseconds, slowest[i].GetProperty("durationMs").GetDouble(), 1e-6);
        }
    }

    /// <summary>PostgreSQL's percentile_cont: linear interpolation between the two values around fraction * (n - 1).</summary>
    private static double PercentileCont(double[] values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>
    /// Sends the orders into a two-hour window on whole hours, <paramref name="daysBack"/> days and up to 12 hours back:
    /// each test of this class takes a different day.
    /// </summary>
    private Task<StageData> SendOrdersAsync(int daysBack)
    {
        var hour = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600;
        return StageData.SendAsync(fixture.Dashboard, fixture.Api, DateTimeOffset.FromUnixTimeSeconds((hour - (daysBack * 24) - Random.Shared.Next(1, 13)) * 3600));
    }
}
