using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Tests.Stack;
using static Jewelry.Tests.Security.SellerRequests;

namespace Jewelry.Tests.Security;

/// <summary>External sellers through the partner gateway with client-credentials tokens: their own orders only, their rights, their rate.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class PartnerGatewayTests(StackFixture stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_partner_places_an_order_reads_it_and_its_journey_and_gets_404_for_another_partners()
    {
        var token = await stack.Tokens.OfAsync(TestPartners.Demo);
        var otherToken = await stack.Tokens.OfAsync(TestPartners.Other);

        using var created = await stack.Gateway.SendAsync(PlaceOrder(Bearer(token)), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location?.ToString() ?? throw new InvalidOperationException("no Location header");
        var orderId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetString();

        using var own = await stack.Gateway.SendAsync(Get(location, Bearer(token)), Ct);
        using var journey = await stack.Gateway.SendAsync(Get(location + "/journey", Bearer(token)), Ct);
        using var list = await stack.Gateway.SendAsync(Get(SellerApi.Orders, Bearer(token)), Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var history = (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("history");
        Assert.Equal("MANUFACTURING_APPROVED", history.EnumerateArray().Single().GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.OK, journey.StatusCode);
        var view = await journey.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("MANUFACTURING_APPROVED", view.GetProperty("currentStage").GetString());
        var stage = view.GetProperty("stages").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, stage.GetProperty("leftAt").ValueKind);
        Assert.True(stage.GetProperty("durationSeconds").GetDouble() >= 0);
        Assert.Contains((await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);

        foreach (var path in new[] { location, location + "/journey" })
        {
            using var others = await stack.Gateway.SendAsync(Get(path, Bearer(otherToken)), Ct);
            await Problems.AssertAsync(others, HttpStatusCode.NotFound);
            Assert.DoesNotContain("another", await others.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }

        using var othersList = await stack.Gateway.SendAsync(Get(SellerApi.Orders, Bearer(otherToken)), Ct);
        Assert.DoesNotContain((await othersList.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);
    }

    [Fact]
    public async Task Over_its_rate_limit_a_partner_gets_429_with_Retry_After_and_nothing_is_placed()
    {
        var token = await stack.Tokens.OfAsync(TestPartners.Limited);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TestPartners.LimitedTokenLimit; i++)
        {
            using var placed = await stack.Gateway.SendAsync(PlaceOrder(Bearer(token)), Ct);
            statuses.Add(placed.StatusCode);
        }

        using var over = await stack.Gateway.SendAsync(PlaceOrder(Bearer(token)), Ct);
        using var overRead = await stack.Gateway.SendAsync(Get(SellerApi.Orders, Bearer(token)), Ct);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        foreach (var refused in new[] { over, overRead })
        {
            await Problems.AssertAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        }

        // The MES itself (not rate-limited) shows what was placed: the refused order is not there.
        using var placedOrders = await stack.Mes.SendAsync(Get(SellerApi.Orders, Bearer(token)), Ct);
        Assert.Equal(HttpStatusCode.OK, placedOrders.StatusCode);
        Assert.Equal(TestPartners.LimitedTokenLimit, (await placedOrders.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_token_without_the_scope_is_403_and_places_nothing()
    {
        var readOnly = await stack.Tokens.OfAsync(TestPartners.Reader, "orders:read");
        var demoReadOnly = await stack.Tokens.OfAsync(TestPartners.Demo, "orders:read");

        using var refused = await stack.Gateway.SendAsync(PlaceOrder(Bearer(readOnly)), Ct);
        using var refusedDirect = await stack.Mes.SendAsync(PlaceOrder(Bearer(demoReadOnly)), Ct);
        using var readable = await stack.Gateway.SendAsync(Get(SellerApi.Orders, Bearer(readOnly)), Ct);

        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
        await Problems.AssertAsync(refusedDirect, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, readable.StatusCode);
        Assert.Equal(0, (await readable.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_client_may_not_ask_for_a_scope_it_was_not_granted()
    {
        using var response = await stack.Tokens.SendAsync(TestPartners.Reader.ClientId, TestPartners.Reader.Secret, "orders:write");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Contains("scope", body.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_operator_routes_and_documents_of_the_mes_are_not_reachable_through_the_gateway()
    {
        var token = await stack.Tokens.OfAsync(TestPartners.Demo);
        var orderId = Guid.NewGuid();
        var paths = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Get, $"/api/production-orders/{orderId}"),
            (HttpMethod.Post, $"/api/production-orders/{orderId}/start"),
            (HttpMethod.Post, $"/api/production-orders/{orderId}/ship"),
            (HttpMethod.Get, "/api/production/overview"),
            (HttpMethod.Get, $"/api/price-calculations/{orderId}"),
            (HttpMethod.Get, "/openapi/v1.json"),
            (HttpMethod.Get, "/api/seller/../production/overview"),
        };

        foreach (var (method, path) in paths)
        {
            using var request = new HttpRequestMessage(method, path) { Headers = { Authorization = Bearer(token) } };
            using var response = await stack.Gateway.SendAsync(request, Ct);
            await Problems.AssertAsync(response, HttpStatusCode.NotFound, $"{method} {path}");
        }
    }
}
