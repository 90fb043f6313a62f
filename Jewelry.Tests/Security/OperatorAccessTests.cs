using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Contracts.Security;
using Jewelry.ServiceDefaults.Telemetry;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Security;

/// <summary>
/// The CRM's and the MES's operator routes need an operator's access token: none is 401, a viewer's on a change 403,
/// a partner's 401 (another audience) and 404 through the gateway; an operator's works, and its id is the user.id.
/// </summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OperatorAccessTests(StackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operator_route_refuses_no_token_a_partner_token_and_a_viewer_s_change_and_lets_an_operator_in()
    {
        using var crm = stack.App.CreateHttpClient("crm-api");
        using var mes = stack.App.CreateHttpClient("mes-api");
        var routes = await OperatorRoutes.ReadAsync(crm, mes);
        Assert.Contains(routes, r => r.Service == "crm-api" && r.Operation.Method == "POST");
        Assert.Contains(routes, r => r.Service == "mes-api" && r.Operation.Method == "POST");

        var operatorToken = await stack.OperatorTokens.OfAsync(TestOperators.Operator);
        var viewerToken = await stack.OperatorTokens.OfAsync(TestOperators.Viewer);
        var partnerToken = await stack.Tokens.OfAsync(TestPartners.Demo);
        var wrong = new List<string>();
        foreach (var (service, operation) in routes)
        {
            var api = service == "crm-api" ? crm : mes;
            var write = operation.Method != "GET";
            await ExpectAsync(api, operation, null, $"{service} {operation} without a token", r => r == HttpStatusCode.Unauthorized, wrong, challenge: true);
            await ExpectAsync(api, operation, partnerToken, $"{service} {operation} with a partner's token", r => r == HttpStatusCode.Unauthorized, wrong, challenge: true);
            await ExpectAsync(stack.Gateway, operation, partnerToken, $"gateway {operation} with a partner's token", r => r == HttpStatusCode.NotFound, wrong);
            await ExpectAsync(stack.Gateway, operation, operatorToken, $"gateway {operation} with an operator's token", r => r == HttpStatusCode.NotFound, wrong);
            await ExpectAsync(api, operation, viewerToken, $"{service} {operation} with a viewer's token", r => write ? r == HttpStatusCode.Forbidden : Reached(r), wrong);
            await ExpectAsync(api, operation, operatorToken, $"{service} {operation} with an operator's token", Reached, wrong);
        }

        Assert.True(wrong.Count == 0, $"{routes.Count} operator routes ({string.Join(", ", routes.Select(r => $"{r.Service} {r.Operation}"))}):{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    [Fact]
    public async Task Refusals_change_nothing_the_operator_moves_the_order_and_is_its_user_id_and_no_token_or_password_is_exported()
    {
        var order = await _orders.SubmittedOrderAsync(SellerRequests.Ring());
        await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");
        using var anonymous = stack.App.CreateHttpClient("crm-api");
        var viewerToken = await stack.OperatorTokens.OfAsync(TestOperators.Viewer);
        var partnerToken = await stack.Tokens.OfAsync(TestPartners.Demo);
        var approve = $"/api/orders/{order.Id}/approve";
        foreach (var (token, status) in new[] { (null, HttpStatusCode.Unauthorized), (viewerToken, HttpStatusCode.Forbidden), (partnerToken, HttpStatusCode.Unauthorized) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, approve);
            request.Headers.Authorization = token is null ? null : SellerRequests.Bearer(token);
            using var refused = await anonymous.SendAsync(request, Ct);
            await Problems.AssertAsync(refused, status, $"approve with {(token is null ? "no token" : status.ToString())}");
        }

        var unchanged = await _orders.GetAsync(order.Id);
        Assert.Equal("PRICE_CALCULATED", unchanged.Status);
        Assert.Equal(order.Id, unchanged.Id);

        using (var approved = await _orders.CrmAsync(order.Id, "approve"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await Eventually.WaitUntilAsync(
            async () => (await stack.Mes.GetAsync($"/api/production-orders/{order.Id}", Ct)).StatusCode == HttpStatusCode.OK,
            OrderJourneyDriver.MessageHop,
            "the MES has the production order");
        using (var mes = stack.App.CreateHttpClient("mes-api"))
        using (var start = new HttpRequestMessage(HttpMethod.Post, $"/api/production-orders/{order.Id}/start") { Headers = { Authorization = SellerRequests.Bearer(viewerToken) } })
        using (var refused = await mes.SendAsync(start, Ct))
        {
            await Problems.AssertAsync(refused, HttpStatusCode.Forbidden, "a viewer starting production");
        }

        var production = await stack.Mes.GetFromJsonAsync<JsonElement>($"/api/production-orders/{order.Id}", Ct);
        Assert.Equal("MANUFACTURING_APPROVED", production.GetProperty("stage").GetString());
        using (var started = await _orders.MesAsync(order.Id, "start"))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        var id = order.Id.ToString();
        await Eventually.WaitUntilAsync(
            () => ServerSpans(id, "crm-api", "/api/orders/{id:guid}/approve").Any(s => s["http.response.status_code"] == "200")
                && ServerSpans(id, "mes-api", "/api/production-orders/{orderId:guid}/start").Any(s => s["http.response.status_code"] == "200"),
            TimeSpan.FromSeconds(30),
            "the approval's and the start's spans exported");
        Assert.All(
            ServerSpans(id, "crm-api", "/api/orders/{id:guid}/approve").Concat(ServerSpans(id, "mes-api", "/api/production-orders/{orderId:guid}/start"))
                .Where(s => s["http.response.status_code"] == "200"),
            span => Assert.Equal(TestOperators.Operator.Id, span[OrderTelemetry.UserId]));

        var payloads = stack.Telemetry.PayloadCount;
        await Eventually.WaitUntilAsync(() => stack.Telemetry.PayloadCount >= payloads + 15, TimeSpan.FromSeconds(30), "more export rounds");
        var operatorToken = await stack.OperatorTokens.OfAsync(TestOperators.Operator);
        foreach (var secret in new[] { operatorToken, viewerToken, partnerToken, Signature(operatorToken), TestOperators.Operator.Password, TestOperators.Viewer.Password, TestOperators.Operator.UserName, "Bearer ey" })
        {
            Assert.False(stack.Telemetry.AnyPayloadContains(secret), $"'{secret[..Math.Min(12, secret.Length)]}...' was exported");
        }
    }

    [Fact]
    public async Task An_operator_s_token_names_its_opaque_id_and_role_and_wrong_passwords_or_clients_get_none()
    {
        foreach (var account in new[] { TestOperators.Operator, TestOperators.Viewer })
        {
            var claims = Payload(await stack.OperatorTokens.OfAsync(account));
            Assert.Equal(account.Id, claims.GetProperty("sub").GetString());
            Assert.Equal(account == TestOperators.Operator ? OperatorRoles.Operator : OperatorRoles.Viewer, claims.GetProperty(OperatorRoles.ClaimType).GetString());
            Assert.Equal(TokenAudiences.Operators, claims.GetProperty("aud").GetString());
            Assert.DoesNotContain(account.UserName, claims.GetRawText(), StringComparison.Ordinal);
        }

        foreach (var (user, password) in new[] { (TestOperators.Operator.UserName, TestOperators.Viewer.Password), ("nobody", TestOperators.Operator.Password) })
        {
            using var refused = await stack.OperatorTokens.SendAsync(user, password);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalid_grant", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
        }

        // A partner may not use the password grant, and the operator console may not use client credentials.
        using var identity = stack.App.CreateHttpClient(TokenServer.ResourceName);
        var server = new TokenServerClient(identity);
        using var partner = await server.SendAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = TestPartners.Demo.ClientId,
            ["client_secret"] = TestPartners.Demo.Secret,
            ["username"] = TestOperators.Operator.UserName,
            ["password"] = TestOperators.Operator.Password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, partner.StatusCode);
        using var console = await server.SendAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = OperatorConsole.ClientId });
        Assert.Equal(HttpStatusCode.BadRequest, console.StatusCode);
    }

    private IEnumerable<Tracing.CapturedSpan> ServerSpans(string orderId, string service, string route) =>
        stack.Telemetry.Spans.Where(s => s.Service == service && s.Kind == "SERVER" && s["http.route"] == route && s["order.id"] == orderId);

    private static bool Reached(HttpStatusCode status) => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;

    private static async Task ExpectAsync(HttpClient api, Corpus.ApiOperation operation, string? token, string what, Func<HttpStatusCode, bool> expected, List<string> wrong, bool challenge = false)
    {
        using var request = OperatorRoutes.Request(operation, token);
        using var response = await api.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        if (!expected(response.StatusCode))
        {
            wrong.Add($"{what}: {(int)response.StatusCode} {body}");
        }
        else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            wrong.Add($"{what}: {(int)response.StatusCode} without problem details");
        }
        else if (challenge && !response.Headers.WwwAuthenticate.ToString().StartsWith("Bearer", StringComparison.Ordinal))
        {
            wrong.Add($"{what}: no WWW-Authenticate: Bearer");
        }
    }

    private static string Signature(string token) => token[(token.LastIndexOf('.') + 1)..];

    private static JsonElement Payload(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonSerializer.Deserialize<JsonElement>(Convert.FromBase64String(payload));
    }
}
