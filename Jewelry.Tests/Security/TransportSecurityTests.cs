using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Contracts.Telemetry;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;

namespace Jewelry.Tests.Security;

/// <summary>
/// TLS in the default stack: the APIs, the gateway, the token server and the Jewelry dashboard's OTLP receiver listen
/// on https only, with the ASP.NET Core development certificate, and callers validate its chain as they would any
/// other (it is trusted, not waved through); the services call each other and export to both dashboards over https.
/// </summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class TransportSecurityTests(StackFixture stack)
{
    /// <summary>The extension that marks ASP.NET Core's development certificate.</summary>
    private const string DevelopmentCertificateOid = "1.3.6.1.4.1.311.84.1.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Services => [.. JewelryAppHost.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_endpoint_of_the_apis_the_gateway_and_the_token_server_is_https(string service)
    {
        var endpoints = Resource(service).Annotations.OfType<EndpointAnnotation>().ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint => Assert.Equal(Uri.UriSchemeHttps, endpoint.UriScheme));
    }

    [Fact]
    public void The_Jewelry_dashboard_receives_OTLP_over_https_and_only_its_UI_is_plain_http()
    {
        var schemes = Resource("dashboard").Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name, e => e.UriScheme);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["http"] = Uri.UriSchemeHttp,
                [JewelryDashboardBuilderExtensions.OtlpGrpcEndpointName] = Uri.UriSchemeHttps,
                [JewelryDashboardBuilderExtensions.OtlpHttpEndpointName] = Uri.UriSchemeHttps,
            },
            schemes);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_call_validates_the_development_certificate_and_plain_http_gets_no_answer(string service)
    {
        var endpoint = stack.App.GetEndpoint(service);
        Assert.Equal(Uri.UriSchemeHttps, endpoint.Scheme);

        var call = await CallAsync(new Uri(endpoint, "/health"));
        Assert.Equal(HttpStatusCode.OK, call.Status);
        AssertDevelopmentCertificateValidated(call);

        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(new UriBuilder(endpoint) { Scheme = Uri.UriSchemeHttp, Path = "/health" }.Uri, Ct));
    }

    [Theory]
    [InlineData(JewelryDashboardBuilderExtensions.OtlpGrpcEndpointName, HttpStatusCode.NotFound)] // OTLP/HTTP's path is not served there
    [InlineData(JewelryDashboardBuilderExtensions.OtlpHttpEndpointName, HttpStatusCode.Unauthorized)] // no API key
    public async Task The_Jewelry_dashboard_s_OTLP_endpoints_present_the_development_certificate(string endpointName, HttpStatusCode refusal)
    {
        var endpoint = stack.App.GetEndpoint("dashboard", endpointName);
        Assert.Equal(Uri.UriSchemeHttps, endpoint.Scheme);

        // What matters here is the handshake before the refusal.
        var call = await CallAsync(new Uri(endpoint, "/v1/traces"), HttpMethod.Post);
        Assert.Equal(refusal, call.Status);
        AssertDevelopmentCertificateValidated(call);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_exports_to_both_dashboards_and_reaches_the_other_services_over_https(string service)
    {
        var pid = await stack.App.ProcessIdAsync(service) ?? throw new InvalidOperationException($"{service} has no pid");
        var environment = await ProcessInspector.EnvironmentAsync(pid, Ct);

        Assert.Equal(
            stack.App.GetEndpoint("dashboard", JewelryDashboardBuilderExtensions.OtlpGrpcEndpointName).ToString().TrimEnd('/'),
            environment[JewelryDashboardExport.EndpointVariable].TrimEnd('/'));
        Assert.StartsWith("https://", environment[JewelryDashboardExport.EndpointVariable], StringComparison.Ordinal);

        // The tests' receiver stands where the Aspire dashboard is, over TLS as well (OtlpTestReceiver).
        Assert.Equal(stack.Telemetry.Endpoint.ToString().TrimEnd('/'), environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.StartsWith("https://", environment["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);

        var references = environment.Where(v => JewelryAppHost.Services.Any(s => v.Key.StartsWith($"services__{s}__", StringComparison.Ordinal))).ToList();
        Assert.All(references, reference => Assert.Matches(@"^services__[a-z-]+__https__\d+$", reference.Key));
        Assert.All(references, reference => Assert.StartsWith("https://", reference.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_the_default_stack_Aspire_aims_every_service_s_standard_exporter_at_its_dashboard_over_https()
    {
        // The AppHost's own model with the variables of the launch profile ./start.sh and F5 use (Aspire.Hosting.Testing
        // reads none), built and not started.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Jewelry_AppHost>(
            [.. LaunchProfileVariables("https").Select(v => $"--{v.Key}={v.Value}")], Ct);
        await using var app = await builder.BuildAsync(Ct);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var executionContext = app.Services.GetRequiredService<DistributedApplicationExecutionContext>();

        foreach (var service in JewelryAppHost.Services.Append("dashboard"))
        {
            var variables = new Dictionary<string, object>(StringComparer.Ordinal);
            var context = new EnvironmentCallbackContext(executionContext, model.Resources.Single(r => r.Name == service), variables, Ct);
            foreach (var callback in model.Resources.Single(r => r.Name == service).Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(context);
            }

            var standard = variables["OTEL_EXPORTER_OTLP_ENDPOINT"] switch
            {
                string text => text,
                IValueProvider provider => await provider.GetValueAsync(Ct),
                var other => other.ToString(),
            };
            Assert.StartsWith("https://", standard, StringComparison.Ordinal);
            if (service != "dashboard")
            {
                Assert.True(Assert.IsType<EndpointReference>(variables[JewelryDashboardExport.EndpointVariable]).IsHttps, $"{service} exports to the Jewelry dashboard over https");
            }
        }
    }

    [Fact]
    public void Every_launch_profile_of_the_AppHost_puts_the_Aspire_dashboard_s_OTLP_and_resource_service_endpoints_on_https()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(LaunchSettingsPath));
        foreach (var profile in settings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            var variables = LaunchProfileVariables(profile.Name);
            foreach (var name in new[] { "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL" })
            {
                Assert.StartsWith("https://", variables[name], StringComparison.Ordinal);
            }
        }
    }

    private static string LaunchSettingsPath => TestRepository.PathOf("Jewelry.AppHost", "Properties", "launchSettings.json");

    private static Dictionary<string, string> LaunchProfileVariables(string profile)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(LaunchSettingsPath));
        return settings.RootElement.GetProperty("profiles").GetProperty(profile).GetProperty("environmentVariables")
            .EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString()!, StringComparer.Ordinal);
    }

    private static void AssertDevelopmentCertificateValidated(TlsCall call)
    {
        Assert.Equal(SslPolicyErrors.None, call.Errors);
        Assert.NotNull(call.Certificate);
        Assert.Contains(call.Certificate.Extensions, extension => extension.Oid?.Value == DevelopmentCertificateOid);
    }

    /// <summary>
    /// One request whose certificate check is the platform's, recorded on the way: the callback returns the verdict
    /// of the default validation, it does not replace it.
    /// </summary>
    private static async Task<TlsCall> CallAsync(Uri url, HttpMethod? method = null)
    {
        X509Certificate2? presented = null;
        var errors = SslPolicyErrors.None;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, policyErrors) =>
        {
            presented = certificate is null ? null : new X509Certificate2(certificate);
            errors = policyErrors;
            return policyErrors == SslPolicyErrors.None;
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        using var response = await client.SendAsync(request, Ct);
        return new TlsCall(response.StatusCode, presented, errors);
    }

    private IResource Resource(string name) =>
        stack.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    private sealed record TlsCall(HttpStatusCode Status, X509Certificate2? Certificate, SslPolicyErrors Errors);
}
