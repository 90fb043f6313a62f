using System.Diagnostics;
using System.Net;
using Jewelry.Contracts.Telemetry;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Jewelry.Tests.Tracing;
using static Jewelry.Tests.Security.SellerRequests;

namespace Jewelry.Tests.Security;

/// <summary>A partner's call is one trace through the gateway into the MES, naming the partner, and no token or secret is exported.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class PartnerTelemetryTests(StackFixture stack)
{
    private readonly TraceQuery _traces = new(stack.Telemetry, () => stack.Log);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_partner_order_is_one_trace_gateway_to_mes_with_the_client_id_and_no_token_or_secret_is_exported()
    {
        var token = await stack.Tokens.RequestNewAsync(TestPartners.Demo, "orders:write orders:read");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var place = PlaceOrder(Bearer(token));
        place.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var placed = await stack.Gateway.SendAsync(place, Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        var trace = await _traces.TraceAsync(
            s => s.TraceId == traceId,
            "the partner's order traced through the gateway and the MES",
            s => s.Service == "gateway" && s.Kind == "SERVER",
            s => s.Service == "mes-api" && s.Kind == "SERVER");
        var gateway = TraceQuery.Single(trace, "gateway", "SERVER", _ => true, "the partner's request");
        var mes = TraceQuery.Single(trace, "mes-api", "SERVER", _ => true, "the forwarded request");

        Assert.Equal(TestPartners.Demo.ClientId, gateway[SellerTelemetry.ClientId]);
        Assert.Equal("/api/seller/orders", gateway["http.route"]);
        Assert.Equal("201", gateway["http.response.status_code"]);
        Assert.True(TraceQuery.DescendsFrom(trace, mes, gateway), $"{mes} should descend from {gateway}");
        Assert.Equal(TestPartners.Demo.ClientId, mes[SellerTelemetry.ClientId]);
        Assert.Equal("201", mes["http.response.status_code"]);

        // A few more export rounds, so the logs and metrics of the call have left every service too.
        var payloads = stack.Telemetry.PayloadCount;
        await Eventually.WaitUntilAsync(() => stack.Telemetry.PayloadCount >= payloads + 15, TimeSpan.FromSeconds(30), "more export rounds");
        var signature = token[(token.LastIndexOf('.') + 1)..];
        foreach (var secret in new[] { token, signature, TestPartners.Demo.Secret, TestPartners.Other.Secret, TestPartners.Limited.Secret, "Bearer ey" })
        {
            Assert.False(stack.Telemetry.AnyPayloadContains(secret), $"'{secret[..Math.Min(12, secret.Length)]}...' was exported");
        }
    }
}
