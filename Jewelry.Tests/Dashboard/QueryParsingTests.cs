using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Listeners;
using Jewelry.Dashboard.Pages.Presentation;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.Extensions.Configuration;

namespace Jewelry.Tests.Dashboard;

/// <summary>Filter parsing, the waterfall order and the listener configuration, without a server.</summary>
[Trait("Category", "Unit")]
public sealed class QueryParsingTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("800us", 0.8)]
    [InlineData("40", 40)]
    public void Durations_read_as_people_type_them(string text, double milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("-1s")]
    [InlineData("")]
    public void Nonsense_is_not_a_duration(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void Attribute_filters_split_on_spaces_keep_quoted_values_and_try_every_json_type()
    {
        var errors = new QueryErrors();

        var filters = QueryParsing.Attributes(["order.id=42 note=\"two words\""], errors);

        Assert.False(errors.HasErrors);
        Assert.Equal([new AttributeFilter("order.id", "42"), new AttributeFilter("note", "two words")], filters);
        Assert.Equal(["""{"order.id":"42"}""", """{"order.id":["42"]}""", """{"order.id":42}"""], filters[0].ContainmentCandidates());
        Assert.Contains("""{"flag":true}""", new AttributeFilter("flag", "true").ContainmentCandidates());
        QueryParsing.Attributes(["no-equals-sign"], errors);
        Assert.True(errors.HasErrors);
    }

    [Fact]
    public void An_emptied_attribute_field_is_no_filter()
    {
        var errors = new QueryErrors();

        var filters = QueryParsing.Attributes([null!, string.Empty, "  "], errors);

        Assert.Empty(filters);
        Assert.False(errors.HasErrors);
    }

    [Fact]
    public void Cursors_round_trip()
    {
        var cursor = new TraceCursor(1_700_000_000_000_000_000, Convert.FromHexString("5b8efff798038103d269b633813fc60c"));

        Assert.True(TraceCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor.StartTimeUnixNano, parsed!.StartTimeUnixNano);
        Assert.Equal(cursor.TraceId, parsed.TraceId);
        Assert.False(TraceCursor.TryParse("12-zz", out _));
    }

    [Fact]
    public void The_waterfall_lists_children_under_their_parent_by_start_time_and_keeps_orphans()
    {
        SpanDetail Span(string id, string? parent, long start) => new()
        {
            TraceId = "t",
            SpanId = id,
            ParentSpanId = parent,
            Name = id,
            ServiceName = "s",
            ResourceId = "1",
            ScopeName = "x",
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + 10,
        };
        var trace = new TraceDetail("t", DateTimeOffset.UnixEpoch, 0, 100, 0, ["s"],
            [Span("root", null, 0), Span("b", "root", 20), Span("a", "root", 10), Span("a1", "a", 15), Span("orphan", "missing", 50)],
            new Dictionary<string, ResourceDetail>());

        var rows = TraceWaterfall.Build(trace);

        Assert.Equal(["root", "a", "a1", "b", "orphan"], rows.Select(r => r.Span.SpanId));
        Assert.Equal([0, 1, 2, 1, 0], rows.Select(r => r.Depth));
        Assert.True(rows.Single(r => r.Span.SpanId == "orphan").IsOrphan);
        Assert.Equal(50, rows.Single(r => r.Span.SpanId == "orphan").OffsetPercent);
    }

    [Fact]
    public void Listener_urls_follow_the_aspire_variable_names_and_grpc_needs_a_port_of_its_own()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:5000;http://127.0.0.1:5001",
            ["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:5002",
            ["DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = "http://+:5003",
        }).Build();

        var listeners = DashboardListenerConfiguration.Read(configuration);

        Assert.Equal(
            [DashboardListenerKinds.Frontend, DashboardListenerKinds.Frontend, DashboardListenerKinds.OtlpGrpc, DashboardListenerKinds.OtlpHttp],
            listeners.Select(l => l.Kinds));
        Assert.Equal("0.0.0.0", listeners[3].Url.Host);

        var shared = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:5000",
            ["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:5000",
        }).Build();
        Assert.Throws<InvalidOperationException>(() => DashboardListenerConfiguration.Read(shared));
    }
}
