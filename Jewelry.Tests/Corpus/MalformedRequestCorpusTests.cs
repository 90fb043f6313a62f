using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Security;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Dashboard;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Security;
using Jewelry.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;

namespace Jewelry.Tests.Corpus;

/// <summary>
/// Every endpoint of every service, read from its OpenAPI document (the dashboard's OTLP endpoints from
/// <see cref="OtlpEndpoints"/>), gets the malformed requests of <see cref="MalformedRequests"/>: each answer is a 4xx
/// with problem details (404 for an unknown resource), never a 5xx, and the databases, queues and bucket are as before.
/// </summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class MalformedRequestCorpusTests(StackFixture stack, ITestOutputHelper output)
{
    private const string OpenApiPath = "/openapi/v1.json";
    private const string LoginRoute = "/api/login";

    private static readonly TimeSpan s_settleWithin = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("shop-api")]
    [InlineData("crm-api")]
    [InlineData("mes-api")]
    [InlineData("gateway")]
    [InlineData("dashboard")]
    public async Task Every_endpoint_refuses_malformed_requests_with_problem_details_and_changes_nothing(string resource)
    {
        using var anonymous = Client(resource);
        using var client = resource == "dashboard"
            ? await DashboardSignIn.SignInAsync(stack.App.GetEndpoint("dashboard", "http"), DemoUsers.AdminName, DemoUsers.AdminPassword, Ct)
            : Client(resource);
        var service = await ServiceAsync(resource);
        // The gateway has no document of its own: it forwards the MES's seller operations.
        var operations = resource == "gateway"
            ? [.. OpenApiDocumentReader.Read(await OpenApiAsync(stack.Mes)).Where(o => o.Route.StartsWith(SellerApi.Prefix, StringComparison.Ordinal))]
            : OpenApiDocumentReader.Read(await OpenApiAsync(client));
        Assert.NotEmpty(operations);
        var cases = operations.SelectMany(operation => MalformedRequests.For(operation, service)).ToList();

        await RunAsync(resource, client, anonymous, cases, $"{operations.Count} operations: {string.Join(", ", operations)}");
    }

    [Fact]
    public async Task The_dashboard_s_OTLP_endpoints_refuse_malformed_exports_with_an_OTLP_status()
    {
        var apiKey = await OtlpApiKeyAsync();
        using var http = Client("dashboard", JewelryDashboardBuilderExtensions.OtlpHttpEndpointName);
        using var grpc = Client("dashboard", JewelryDashboardBuilderExtensions.OtlpGrpcEndpointName);
        var httpCases = OtlpEndpoints.HttpCases(http.BaseAddress!, apiKey).ToList();
        var grpcCases = OtlpEndpoints.GrpcCases(grpc.BaseAddress!, apiKey).ToList();

        // Absolute URIs: one client sends both (HTTP/1.1 and HTTP/2, both over TLS).
        await RunAsync("dashboard OTLP", http, http, [.. httpCases, .. grpcCases], $"OTLP/HTTP {httpCases.Count} cases, OTLP/gRPC {grpcCases.Count} cases");
    }

    [Fact]
    public async Task The_token_endpoint_refuses_malformed_token_requests_in_the_OAuth_error_format_and_issues_nothing()
    {
        using var identity = Client(TokenServer.ResourceName);
        var cases = TokenEndpointCases.For(identity.BaseAddress!, TestPartners.Corpus).ToList();

        await RunAsync(TokenServer.ResourceName, identity, identity, cases, $"{cases.Count} token requests");
    }

    private async Task RunAsync(string service, HttpClient client, HttpClient anonymous, List<CorpusCase> cases, string covering)
    {
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        var before = await StackStateSnapshot.TakeSettledAsync(stack.App, s_settleWithin);

        var run = new CorpusRun(client, anonymous);
        await run.SendAsync(cases);

        var after = await StackStateSnapshot.TakeAsync(stack.App);
        var report = run.Report(service);
        output.WriteLine($"{report}  covering {covering}");
        var changed = after.Differences(before);
        Assert.True(run.Offenses.Count == 0 && changed.Count == 0, $"{report}{(changed.Count == 0 ? string.Empty : $"  changed: {string.Join("; ", changed)}")}");
    }

    /// <summary>The ids that exist, so a case reaches the body or the query instead of stopping at 404.</summary>
    private async Task<CorpusService> ServiceAsync(string resource)
    {
        switch (resource)
        {
            case "shop-api" or "crm-api":
                // INITIATED: no request of the corpus can move it (an upload needs an STL model, the rest a later status).
                var order = await new OrderJourneyDriver(stack).CreateAsync();
                var known = new Dictionary<string, string> { ["id"] = order.Id.ToString(), ["customerId"] = order.CustomerId };
                if (resource == "shop-api")
                {
                    return new CorpusService(resource, known, _ => false, _ => { }, StackFixture.MaxModelBytes);
                }

                // An operator's token, so a malformed request reaches the handler (the Shop's price-request route ignores it).
                var crmOperator = SellerRequests.Bearer(await stack.OperatorTokens.OfAsync(TestOperators.Operator));
                return new CorpusService(resource, known, _ => true, request => request.Headers.Authorization = crmOperator, StackFixture.MaxModelBytes);
            case "mes-api":
                var sellerOrder = await SellerOrderAsync(stack.Mes, DemoSellers.Basic(DemoSellers.Seller));
                var mesOperator = SellerRequests.Bearer(await stack.OperatorTokens.OfAsync(TestOperators.Operator));
                return new CorpusService(
                    resource,
                    new Dictionary<string, string> { ["orderId"] = sellerOrder.ToString() },
                    _ => true,
                    request => request.Headers.Authorization = request.RequestUri!.OriginalString.StartsWith(SellerApi.Prefix, StringComparison.Ordinal)
                        ? DemoSellers.Basic(DemoSellers.Seller)
                        : mesOperator,
                    StackFixture.MaxModelBytes);
            case "gateway":
                var token = await stack.Tokens.OfAsync(TestPartners.Corpus);
                var partnerOrder = await SellerOrderAsync(stack.Gateway, SellerRequests.Bearer(token));
                return new CorpusService(
                    resource,
                    new Dictionary<string, string> { ["orderId"] = partnerOrder.ToString() },
                    _ => true,
                    request => request.Headers.Authorization = SellerRequests.Bearer(token),
                    StackFixture.MaxModelBytes);
            default:
                // Every dashboard call needs a session but signing in; the session rides on the signed-in client's cookies.
                return new CorpusService(resource, new Dictionary<string, string>(), operation => operation.Route != LoginRoute, _ => { }, StackFixture.MaxModelBytes);
        }
    }

    private static async Task<Guid> SellerOrderAsync(HttpClient api, AuthenticationHeaderValue credentials)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("silver-925"), "material" },
            { new StringContent("pendant"), "productType" },
        };
        var file = new ByteArrayContent(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "cube.stl");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/seller/orders") { Content = form };
        request.Headers.Authorization = credentials;
        using var response = await api.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();
    }

    private static async Task<JsonElement> OpenApiAsync(HttpClient client)
    {
        using var response = await client.GetAsync(OpenApiPath, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {OpenApiPath}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private async Task<string> OtlpApiKeyAsync()
    {
        var dashboard = stack.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "dashboard");
        return await dashboard.Annotations.OfType<JewelryDashboardAnnotation>().Single().OtlpApiKey.GetValueAsync(Ct)
            ?? throw new InvalidOperationException("The dashboard's OTLP API key has no value.");
    }

    // No endpoint name: the https one, else http (the dashboard's UI).
    private HttpClient Client(string resource, string? endpoint = null) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = stack.App.GetEndpoint(resource, endpoint),
            Timeout = TimeSpan.FromSeconds(30),
        };
}
