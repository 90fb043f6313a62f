using System.Net;
using System.Text.Json;

namespace Jewelry.Tests.Dashboard;

/// <summary>The trace search API: each filter narrows correctly, pages continue, and bad input gets a useful 400.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class TraceSearchTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Filters_by_service_name_errors_duration_time_and_attributes_narrow_the_list()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var shop = "search-shop-" + suffix;
        var crm = "search-crm-" + suffix;
        var other = "search-other-" + suffix;
        var now = DateTimeOffset.UtcNow;
        var old = SampleTelemetry.NewTraceId();
        var slow = SampleTelemetry.NewTraceId();
        var fast = SampleTelemetry.NewTraceId();
        var elsewhere = SampleTelemetry.NewTraceId();

        using var otlp = new OtlpTestClient(fixture.Dashboard);
        await Send(otlp, SampleTelemetry.OrderTrace(old, "ORD-OLD-" + suffix, shop, crm, now.AddHours(-3), 100));
        await Send(otlp, SampleTelemetry.OrderTrace(slow, "ORD-SLOW-" + suffix, shop, crm, now.AddMinutes(-2), 2_500));
        await Send(otlp, SampleTelemetry.OrderTrace(fast, "ORD-FAST-" + suffix, shop, crm, now.AddMinutes(-1), 50));
        var healthy = SampleTelemetry.WideTrace(elsewhere, other, 3, now.AddSeconds(-30), orderId: "ORD-OTHER-" + suffix);
        await Send(otlp, healthy);
        foreach (var id in new[] { old, slow, fast })
        {
            (await fixture.Api.WaitForTraceAsync(SampleTelemetry.Hex(id), 4)).Dispose();
        }

        (await fixture.Api.WaitForTraceAsync(SampleTelemetry.Hex(elsewhere), 3)).Dispose();

        string[] Ids(params byte[][] traces) => traces.Select(SampleTelemetry.Hex).ToArray();

        Assert.Equal(Ids(fast, slow, old), await fixture.Api.SearchTraceIdsAsync($"service={shop}"));
        Assert.Equal(Ids(fast, slow, old), await fixture.Api.SearchTraceIdsAsync($"service={crm}"));
        Assert.Equal(Ids(slow), await fixture.Api.SearchTraceIdsAsync($"attr=order.id%3DORD-SLOW-{suffix}"));
        Assert.Equal(Ids(slow), await fixture.Api.SearchTraceIdsAsync($"orderId=ORD-SLOW-{suffix}"));
        Assert.Equal(Ids(slow), await fixture.Api.SearchTraceIdsAsync($"service={shop}&minDuration=1s"));
        Assert.Equal(Ids(fast, old), await fixture.Api.SearchTraceIdsAsync($"service={shop}&maxDuration=300ms"));
        Assert.Equal(Ids(fast, slow), await fixture.Api.SearchTraceIdsAsync($"service={shop}&lookback=1h"));
        Assert.Equal(Ids(old), await fixture.Api.SearchTraceIdsAsync(
            $"service={shop}&end={Uri.EscapeDataString(now.AddHours(-2).ToString("O"))}"));
        Assert.Equal(Ids(fast, slow, old), await fixture.Api.SearchTraceIdsAsync($"service={crm}&errorsOnly=true"));
        Assert.Empty(await fixture.Api.SearchTraceIdsAsync($"service={other}&errorsOnly=true"));
        Assert.Equal(Ids(fast, slow, old), await fixture.Api.SearchTraceIdsAsync($"service={shop}&name=PRICE-REQUESTS"));
        Assert.Empty(await fixture.Api.SearchTraceIdsAsync($"service={other}&name=price-requests"));

        // Typed attribute values: the number 202, the boolean true, an element of an array; all filters must match.
        Assert.Equal(Ids(fast, slow, old), await fixture.Api.SearchTraceIdsAsync($"service={shop}&attr=http.response.status_code%3D202"));
        Assert.Equal(Ids(fast), await fixture.Api.SearchTraceIdsAsync(
            $"service={shop}&attr={Uri.EscapeDataString($"order.express=true order.stages=SUBMITTED order.id=ORD-FAST-{suffix}")}"));
        Assert.Equal(Ids(elsewhere), await fixture.Api.SearchTraceIdsAsync($"attr=order.id%3DORD-OTHER-{suffix}&attr=step%3D2"));
        Assert.Empty(await fixture.Api.SearchTraceIdsAsync($"attr=order.id%3DORD-OTHER-{suffix}&attr=step%3D99"));
    }

    [Fact]
    public async Task Pages_continue_with_the_next_cursor_without_gaps_or_repeats()
    {
        var service = "paging-" + Guid.NewGuid().ToString("N")[..8];
        using var otlp = new OtlpTestClient(fixture.Dashboard);
        var sent = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var id = SampleTelemetry.NewTraceId();
            sent.Add(SampleTelemetry.Hex(id));
            await Send(otlp, SampleTelemetry.WideTrace(id, service, 2, DateTimeOffset.UtcNow.AddMinutes(-10 + i)));
        }

        await Poll.UntilAsync<IReadOnlyList<string>>(async () => await fixture.Api.SearchTraceIdsAsync($"service={service}&limit=100"), ids => ids?.Count == 7, TimeSpan.FromSeconds(20), "seven traces");

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await fixture.Api.GetJsonAsync($"/api/traces?service={service}&limit=3" + (cursor is null ? "" : $"&after={cursor}"));
            seen.AddRange(page.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("traceId").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        sent.Reverse();
        Assert.Equal(sent, seen);
    }

    [Theory]
    [InlineData("/api/traces?minDuration=fast", "minDuration")]
    [InlineData("/api/traces?minDuration=2s&maxDuration=1s", "minDuration")]
    [InlineData("/api/traces?start=yesterday", "start")]
    [InlineData("/api/traces?attr=order.id", "attr")]
    [InlineData("/api/traces?limit=0", "limit")]
    [InlineData("/api/traces?lookback=3w", "lookback")]
    [InlineData("/api/traces?after=nonsense", "after")]
    [InlineData("/api/logs?traceId=xyz", "traceId")]
    [InlineData("/api/logs?level=loud", "level")]
    [InlineData("/api/traces/not-a-trace-id", "traceId")]
    [InlineData("/api/stages?window=3w", "window")]
    [InlineData("/api/stages?window=30s", "window")]
    [InlineData("/api/stages?window=40d", "window")]
    [InlineData("/api/stages?window=1h&from=2026-01-01T00:00:00Z", "window")]
    [InlineData("/api/stages?from=yesterday", "from")]
    [InlineData("/api/stages?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/api/stages?from=2026-01-01T00:00:00Z&to=2026-02-15T00:00:00Z", "from")]
    [InlineData("/api/stages?to=soon", "to")]
    [InlineData("/api/stages/chart.svg?window=fortnight", "window")]
    [InlineData("/api/stages/chart.svg?kind=pie", "kind")]
    [InlineData("/api/orders/not%20an%20order%3B/journey", "orderId")]
    public async Task Bad_input_gets_400_problem_details_naming_the_parameter(string url, string parameter)
    {
        using var response = await fixture.Api.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_unknown_trace_is_404_problem_details()
    {
        using var response = await fixture.Api.GetAsync($"/api/traces/{SampleTelemetry.Hex(SampleTelemetry.NewTraceId())}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("retention", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        var document = await fixture.Api.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/traces", out var traces));
        Assert.True(paths.TryGetProperty("/api/traces/{traceId}", out _));
        Assert.True(paths.TryGetProperty("/api/logs", out _));
        Assert.False(paths.TryGetProperty("/v1/traces", out _));
        var parameters = traces.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("attr", parameters);
        Assert.Contains("minDuration", parameters);
    }

    private static async Task Send(OtlpTestClient otlp, Google.Protobuf.IMessage request)
    {
        using var response = await otlp.PostProtobufAsync("/v1/traces", request);
        response.EnsureSuccessStatusCode();
    }
}
