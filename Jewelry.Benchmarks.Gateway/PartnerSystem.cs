using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Security;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jewelry.Benchmarks.Gateway;

/// <summary>
/// The AppHost's model started with Aspire.Hosting.Testing, with the gateway's rate limit lifted (the benchmark
/// measures forwarding and token checks, not the limiter refusing) and the demo partner of the Development settings.
/// </summary>
public sealed class PartnerSystem : IAsyncDisposable
{
    private const string ClientId = "demo-seller";
    private const string Secret = "demo-seller-secret-7f3c9a2e41b8d6f0";

    /// <summary>The demo operator of the Development settings.</summary>
    private const string OperatorUserName = "demo-operator";

    private const string OperatorPassword = "demo-operator-3c81f5";

    private readonly DistributedApplication _app;

    private PartnerSystem(DistributedApplication app)
    {
        _app = app;
        Mes = app.CreateHttpClient("mes-api");
        Gateway = app.CreateHttpClient("gateway");
        Identity = app.CreateHttpClient(TokenServer.ResourceName);
    }

    public HttpClient Mes { get; }

    public HttpClient Gateway { get; }

    public HttpClient Identity { get; }

    public static async Task<PartnerSystem> StartAsync(CancellationToken cancellationToken)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Jewelry_AppHost>([], cancellationToken);
        builder.Services.AddLogging(logging => logging.ClearProviders());
        builder.CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("Gateway__RateLimit__TokenLimit", "1000000")
            .WithEnvironment("Gateway__RateLimit__TokensPerPeriod", "1000000");
        foreach (var service in new[] { "shop-api", "crm-api", "mes-api", "identity", "gateway", "dashboard" })
        {
            builder.CreateResourceBuilder<ProjectResource>(service).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
        }

        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is not ParameterResource && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()))
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
        }

        return new PartnerSystem(app);
    }

    public Task<string> TokenAsync() => TokenAsync(PartnerForm);

    /// <summary>The demo operator's token (password grant through the operator console).</summary>
    public Task<string> OperatorTokenAsync() => TokenAsync(OperatorForm);

    private async Task<string> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await RequestTokenAsync(form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Client-credentials requests one after another (the secret's hash checked each time), under the endpoint's rate limit.</summary>
    public Task<List<TimeSpan>> MeasureTokenRequestsAsync(int count) => MeasureTokenRequestsAsync(PartnerForm, count);

    /// <summary>Operator sign-ins one after another (the password's hash checked each time).</summary>
    public Task<List<TimeSpan>> MeasureOperatorTokenRequestsAsync(int count) => MeasureTokenRequestsAsync(OperatorForm, count);

    private async Task<List<TimeSpan>> MeasureTokenRequestsAsync(Dictionary<string, string> form, int count)
    {
        var samples = new List<TimeSpan>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await RequestTokenAsync(form);
            response.EnsureSuccessStatusCode();
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        return samples;
    }

    /// <summary>Places one seller order and returns its path, for the reads to come.</summary>
    public async Task<string> PlaceOrderAsync(string token)
    {
        var file = new ByteArrayContent(StlWriter.WriteBinary(MeshFactory.SampleRing()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, SellerApi.Orders)
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent("silver-925"), "material" },
                { new StringContent("ring"), "productType" },
                { file, "file", "ring.stl" },
            },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.Location!.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Mes.Dispose();
        Gateway.Dispose();
        Identity.Dispose();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
    }

    private static Dictionary<string, string> PartnerForm => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = ClientId,
        ["client_secret"] = Secret,
        ["scope"] = string.Join(' ', PartnerScopes.All),
    };

    private static Dictionary<string, string> OperatorForm => new()
    {
        ["grant_type"] = "password",
        ["client_id"] = OperatorConsole.ClientId,
        ["username"] = OperatorUserName,
        ["password"] = OperatorPassword,
    };

    private Task<HttpResponseMessage> RequestTokenAsync(Dictionary<string, string> form) =>
        Identity.PostAsync(TokenServer.TokenPath, new FormUrlEncodedContent(form));
}
