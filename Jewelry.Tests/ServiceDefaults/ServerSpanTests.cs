using System.Net;
using System.Text;
using System.Text.Json;
using Jewelry.Tests.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>What the ASP.NET Core instrumentation, with the defaults on top, exports for each kind of answer.</summary>
[Trait("Category", "Integration")]
public sealed class ServerSpanTests
{
    private sealed record OrderBody(string Material);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_spans_are_named_after_the_route_and_only_5xx_answers_are_errors()
    {
        var orderId = Guid.NewGuid();
        await using var receiver = await OtlpTestReceiver.StartAsync();
        JsonElement serverFault;
        await using (var service = await DefaultsTestService.StartAsync(DefaultsTestService.ExportingTo(receiver), Map))
        {
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync($"/orders/{orderId}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/orders/{orderId}/model", Ct)).StatusCode);
            using var malformed = new StringContent("{\"material\":", Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, (await service.Client.PostAsync("/orders", malformed, Ct)).StatusCode);
            using var failure = await service.Client.PostAsync($"/orders/{orderId}/submit", null, Ct);
            Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
            Assert.Equal("application/problem+json", failure.Content.Headers.ContentType?.MediaType);
            serverFault = JsonDocument.Parse(await failure.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await service.Client.GetAsync("/prices", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/health", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/alive", Ct)).StatusCode);
        }

        var spans = receiver.Spans.Where(s => s.Kind == "SERVER").ToList();
        var found = Span(spans, "GET /orders/{id:guid}");
        Assert.Equal("/orders/{id:guid}", found["http.route"]);
        Assert.Equal("200", found["http.response.status_code"]);
        Assert.Equal(orderId.ToString(), found["order.id"]);
        Assert.Equal("Unset", found.Status);

        var missing = Span(spans, "GET /orders/{id:guid}/model");
        Assert.Equal("404", missing["http.response.status_code"]);
        Assert.Equal("Unset", missing.Status);
        Assert.Null(missing["error.type"]);

        var refused = Span(spans, "POST /orders");
        Assert.Equal("400", refused["http.response.status_code"]);
        Assert.Equal("Unset", refused.Status);

        var failed = Span(spans, "POST /orders/{id:guid}/submit");
        Assert.Equal("500", failed["http.response.status_code"]);
        Assert.Equal("Error", failed.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed["error.type"]);
        Assert.Equal("The CRM answered nonsense", failed.StatusMessage);

        // The client is told it was the server's fault, with the trace to quote, and no exception message.
        Assert.Equal(500, serverFault.GetProperty("status").GetInt32());
        Assert.Contains(failed.TraceId, serverFault.GetProperty("traceId").GetString(), StringComparison.Ordinal);
        Assert.Contains("not the request's fault", serverFault.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("nonsense", serverFault.GetRawText(), StringComparison.Ordinal);

        var unavailable = Span(spans, "GET /prices");
        Assert.Equal("Error", unavailable.Status);
        Assert.Equal("503", unavailable["error.type"]);
        Assert.Equal("Service Unavailable", unavailable.StatusMessage);

        Assert.DoesNotContain(spans, s => s["url.path"] is "/health" or "/alive");
    }

    [Fact]
    public async Task What_a_filtered_probe_does_is_not_exported_even_when_Aspire_samples_always_on()
    {
        await using var receiver = await OtlpTestReceiver.StartAsync();
        var settings = DefaultsTestService.ExportingTo(receiver);

        // What Aspire sets for every project it runs.
        settings["OTEL_TRACES_SAMPLER"] = "always_on";
        await using (var service = await DefaultsTestService.StartAsync(
            settings,
            app => app.MapGet("/work", () => { DependencyCallCheck.Call(); return TypedResults.Ok(); }),
            builder => builder.Services.AddHealthChecks().AddDependencyCheck("dependency", _ => new DependencyCallCheck())))
        {
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/health", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/work", Ct)).StatusCode);
        }

        // The same call is exported under a request that is traced, and only there.
        var calls = receiver.Spans.Where(s => s.Name == DependencyCallCheck.SpanName).ToList();
        var traced = Assert.Single(calls);
        Assert.Contains(receiver.Spans, s => s.Kind == "SERVER" && s.SpanId == traced.ParentSpanId);
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/orders/{id:guid}", (Guid id) => TypedResults.Ok(id));
        app.MapGet("/orders/{id:guid}/model", (Guid id) => TypedResults.NotFound());
        app.MapPost("/orders", (OrderBody body) => TypedResults.Ok(body.Material));
        app.MapPost("/orders/{id:guid}/submit", IResult (Guid id) => throw new InvalidOperationException("The CRM answered nonsense"));
        app.MapGet("/prices", () => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable));
    }

    private static CapturedSpan Span(IReadOnlyList<CapturedSpan> spans, string name)
        => Assert.Single(spans, s => s.Name == name);
}
