using System.Text.Json;

namespace Jewelry.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class ManifestTests
{
    [Fact]
    public async Task The_manifest_publisher_writes_containers_with_pinned_images_and_volumes_projects_and_secret_parameters()
    {
        var folder = Directory.CreateTempSubdirectory("jewelry-manifest-");
        try
        {
            var path = Path.Combine(folder.FullName, "aspire-manifest.json");
            using var appHost = AppHostProcess.Start(["--publisher", "manifest", "--output-path", path]);
            var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));
            Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{appHost.Output}");

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
            var resources = manifest.RootElement.GetProperty("resources");

            var postgres = resources.GetProperty("postgres");
            Assert.Equal("container.v0", postgres.GetProperty("type").GetString());
            Assert.Equal("docker.io/library/postgres:18.3", postgres.GetProperty("image").GetString());
            Assert.Equal("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}", postgres.GetProperty("connectionString").GetString());
            Assert.NotEmpty(postgres.GetProperty("volumes").EnumerateArray());
            Assert.Equal("{postgres.connectionString};Database=shopdb", resources.GetProperty("shopdb").GetProperty("connectionString").GetString());
            AssertGeneratedSecret(resources, "postgres-password");

            var messaging = resources.GetProperty("messaging");
            Assert.Equal("docker.io/library/rabbitmq:4.3-management", messaging.GetProperty("image").GetString());
            Assert.True(messaging.GetProperty("bindings").TryGetProperty("management", out _));
            Assert.NotEmpty(messaging.GetProperty("volumes").EnumerateArray());

            var models = resources.GetProperty("models");
            Assert.Equal("docker.io/minio/minio:RELEASE.2025-04-22T22-12-26Z", models.GetProperty("image").GetString());
            Assert.Equal("Endpoint={models.bindings.http.url};AccessKey={models-root-user.value};SecretKey={models-root-password.value};Bucket=models", models.GetProperty("connectionString").GetString());
            Assert.Contains("mkdir -p /data/models", models.GetProperty("args").EnumerateArray().Select(a => a.GetString()).Last(), StringComparison.Ordinal);
            Assert.NotEmpty(models.GetProperty("volumes").EnumerateArray());

            var dashboard = resources.GetProperty("dashboard");
            Assert.Equal("project.v0", dashboard.GetProperty("type").GetString());
            Assert.Equal("{dashboard-otlp-api-key.value}", dashboard.GetProperty("env").GetProperty("Dashboard__Otlp__PrimaryApiKey").GetString());
            Assert.Equal("{dashboard-browser-token.value}", dashboard.GetProperty("env").GetProperty("Dashboard__Frontend__BrowserToken").GetString());
            AssertGeneratedSecret(resources, "dashboard-otlp-api-key");
            AssertGeneratedSecret(resources, "dashboard-browser-token");

            // Its OTLP endpoints are https; the platform's ingress terminates TLS, so the container binds plain http.
            Assert.Equal("https", dashboard.GetProperty("bindings").GetProperty("otlp-grpc").GetProperty("scheme").GetString());
            Assert.Equal("http://localhost:{dashboard.bindings.otlp-grpc.targetPort}", dashboard.GetProperty("env").GetProperty("DOTNET_DASHBOARD_OTLP_ENDPOINT_URL").GetString());

            var shop = resources.GetProperty("shop-api");
            Assert.Equal("project.v0", shop.GetProperty("type").GetString());
            Assert.Equal(
                Path.Combine(AppHostProcess.RepositoryRoot, "Jewelry.ShopApi", "Jewelry.ShopApi.csproj"),
                Path.GetFullPath(Path.Combine(folder.FullName, shop.GetProperty("path").GetString()!)));
            var environment = shop.GetProperty("env");
            Assert.Equal("{shopdb.connectionString}", environment.GetProperty("ConnectionStrings__shopdb").GetString());
            Assert.Equal("{models.connectionString}", environment.GetProperty("ConnectionStrings__models").GetString());
            Assert.Equal("{crm-api.bindings.http.url}", environment.GetProperty("services__crm-api__http__0").GetString());
            Assert.Equal("{dashboard.bindings.otlp-grpc.url}", environment.GetProperty("JEWELRY_DASHBOARD_OTLP_ENDPOINT").GetString());
            Assert.Equal("x-otlp-api-key={dashboard-otlp-api-key.value}", environment.GetProperty("JEWELRY_DASHBOARD_OTLP_HEADERS").GetString());

            Assert.Equal("{identitydb.connectionString}", resources.GetProperty("identity").GetProperty("env").GetProperty("ConnectionStrings__identitydb").GetString());
            Assert.Equal("{identity.bindings.http.url}", resources.GetProperty("mes-api").GetProperty("env").GetProperty("services__identity__http__0").GetString());
            var gateway = resources.GetProperty("gateway").GetProperty("env");
            Assert.Equal("{mes-api.bindings.http.url}", gateway.GetProperty("services__mes-api__http__0").GetString());
            Assert.Equal("{identity.bindings.http.url}", gateway.GetProperty("services__identity__http__0").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertGeneratedSecret(JsonElement resources, string name)
    {
        var parameter = resources.GetProperty(name);
        Assert.Equal("parameter.v0", parameter.GetProperty("type").GetString());
        var input = parameter.GetProperty("inputs").GetProperty("value");
        Assert.True(input.GetProperty("secret").GetBoolean(), $"{name} is not secret");
        Assert.True(input.GetProperty("default").GetProperty("generate").GetProperty("minLength").GetInt32() >= 22, $"{name} is generated too short");
    }
}
