using System.Text.Json;
using Jewelry.Hosting;

namespace Jewelry.Tests.Hosting;

public sealed class ManifestTests
{
    [Fact]
    public async Task The_manifest_publisher_writes_the_Aspire_manifest_and_starts_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("jewelry-manifest-");
        try
        {
            using var log = new TestLog();
            var path = Path.Combine(folder.FullName, "aspire-manifest.json");
            var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--publisher", "manifest", "--output-path", path], Output = log });
            builder.AddJewelryStack();
            await using var app = builder.Build();

            await app.RunAsync(TestContext.Current.CancellationToken);

            Assert.All(app.Resources, resource => Assert.Equal(ResourceState.NotStarted, resource.State));
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
            var resources = manifest.RootElement.GetProperty("resources");
            Assert.Equal("https://json.schemastore.org/aspire-8.0.json", manifest.RootElement.GetProperty("$schema").GetString());

            var postgres = resources.GetProperty("postgres");
            Assert.Equal("container.v0", postgres.GetProperty("type").GetString());
            Assert.Equal("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}", postgres.GetProperty("connectionString").GetString());
            Assert.Equal(5432, postgres.GetProperty("bindings").GetProperty("tcp").GetProperty("targetPort").GetInt32());

            Assert.Equal("value.v0", resources.GetProperty("shopdb").GetProperty("type").GetString());
            Assert.Equal("{postgres.connectionString};Database=shopdb", resources.GetProperty("shopdb").GetProperty("connectionString").GetString());

            var password = resources.GetProperty("postgres-password");
            Assert.Equal("parameter.v0", password.GetProperty("type").GetString());
            var input = password.GetProperty("inputs").GetProperty("value");
            Assert.True(input.GetProperty("secret").GetBoolean());
            Assert.True(input.GetProperty("default").GetProperty("generate").GetProperty("minLength").GetInt32() >= 22);

            Assert.Equal("container.v0", resources.GetProperty("messaging").GetProperty("type").GetString());
            Assert.Equal("container.v0", resources.GetProperty("models").GetProperty("type").GetString());

            var shop = resources.GetProperty("shop-api");
            Assert.Equal("project.v0", shop.GetProperty("type").GetString());
            Assert.Equal(
                Path.Combine(AppHostProcess.RepositoryRoot, "Jewelry.ShopApi", "Jewelry.ShopApi.csproj"),
                Path.GetFullPath(Path.Combine(folder.FullName, shop.GetProperty("path").GetString()!)));
            var environment = shop.GetProperty("env");
            Assert.Equal("{shopdb.connectionString}", environment.GetProperty("ConnectionStrings__shopdb").GetString());
            Assert.Equal("{models.connectionString}", environment.GetProperty("ConnectionStrings__models").GetString());
            Assert.Equal("{crm-api.bindings.http.url}", environment.GetProperty("services__crm-api__http__0").GetString());
            Assert.Equal("http", shop.GetProperty("bindings").GetProperty("http").GetProperty("scheme").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
