using Jewelry.Hosting;

namespace Jewelry.Tests.Hosting;

public sealed class ProjectEnvironmentTests
{
    [Fact]
    public void A_service_gets_the_variables_an_Aspire_AppHost_injects()
    {
        var options = new DistributedApplicationOptions { OtlpEndpoint = "http://127.0.0.1:4317", OtlpApiKey = "key-1" };
        var builder = DistributedApplication.CreateBuilder(options);
        var shopDb = builder.AddPostgres("postgres").AddDatabase("shopdb");
        var messaging = builder.AddRabbitMQ("messaging");
        var crm = builder.AddProject<Projects.Jewelry_CrmApi>("crm-api");
        var shop = builder.AddProject<Projects.Jewelry_ShopApi>("shop-api")
            .WithReference(shopDb)
            .WithReference(messaging)
            .WithReference(crm)
            .WithEnvironment("Feature__Enabled", "true");
        GiveValues(builder);

        var environment = ProjectEnvironment.Build(shop.Resource, options);

        var password = ((ParameterResource)builder.Resources.Single(r => r.Name == "postgres-password")).Value;
        Assert.Equal($"Host=127.0.0.1;Port=15432;Username=postgres;Password={password};Database=shopdb", environment["ConnectionStrings__shopdb"]);
        Assert.StartsWith("amqp://guest:", environment["ConnectionStrings__messaging"], StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:{crm.Resource.Endpoints[0].Port}", environment["services__crm-api__http__0"]);
        Assert.Equal($"http://127.0.0.1:{shop.Resource.Endpoints[0].Port}", environment["ASPNETCORE_URLS"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", environment["DOTNET_ENVIRONMENT"]);
        Assert.Equal("shop-api", environment["OTEL_SERVICE_NAME"]);
        Assert.Matches("^service.instance.id=[0-9a-f-]{36}$", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("http://127.0.0.1:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=key-1", environment["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal("1000", environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", environment["OTEL_BLRP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", environment["OTEL_METRIC_EXPORT_INTERVAL"]);
        Assert.Equal("true", environment["Feature__Enabled"]);
    }

    [Fact]
    public void Without_an_OTLP_endpoint_no_exporter_variables_are_set_and_outside_Development_no_fast_export()
    {
        var options = new DistributedApplicationOptions { EnvironmentName = "Production" };
        var builder = DistributedApplication.CreateBuilder(options);
        var shop = builder.AddProject<Projects.Jewelry_ShopApi>("shop-api");
        options.ProjectEnvironment["Extra"] = "from-tests";
        GiveValues(builder);

        var environment = ProjectEnvironment.Build(shop.Resource, options);

        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("OTEL_EXPORTER_", StringComparison.Ordinal));
        Assert.DoesNotContain("OTEL_BSP_SCHEDULE_DELAY", environment.Keys);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("from-tests", environment["Extra"]);
    }

    [Fact]
    public void Command_line_options_fill_the_options()
    {
        var builder = DistributedApplication.CreateBuilder(["--keep-data", "--state-file", "state.json", "--otlp-endpoint=http://127.0.0.1:4318", "--otlp-protocol", "http/protobuf", "--environment", "Staging"]);

        Assert.True(builder.Options.KeepData);
        Assert.Equal(Path.GetFullPath("state.json"), builder.Options.StateFile);
        Assert.Equal("http://127.0.0.1:4318", builder.Options.OtlpEndpoint);
        Assert.Equal("http/protobuf", builder.Options.OtlpProtocol);
        Assert.Equal("Staging", builder.Options.EnvironmentName);
    }

    /// <summary>What StartAsync would do: fixed ports and generated passwords, without starting anything.</summary>
    private static void GiveValues(IDistributedApplicationBuilder builder)
    {
        var port = 15000;
        foreach (var endpoint in builder.Resources.OfType<IResourceWithEndpoints>().SelectMany(r => r.Endpoints))
        {
            endpoint.AllocatedPort = endpoint.Name == "tcp" && endpoint.TargetPort == 5432 ? 15432 : ++port;
        }

        foreach (var parameter in builder.Resources.OfType<ParameterResource>())
        {
            parameter.Value = GeneratedValues.NewSecret(22);
        }
    }
}
