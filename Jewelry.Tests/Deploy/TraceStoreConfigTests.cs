using System.Text.Json.Nodes;

namespace Jewelry.Tests.Deploy;

/// <summary>deploy/tempo/tempo.yaml and deploy/jaeger/jaeger.yaml: where sampled traces are kept, and for how long.</summary>
[Trait("Category", "Unit")]
public sealed class TraceStoreConfigTests
{
    private static readonly TimeSpan s_retention = TimeSpan.FromDays(14);

    [Fact]
    public void Tempo_keeps_traces_14_days_in_s3()
    {
        var tempo = DeployFile.Yaml("tempo", "tempo.yaml");
        Assert.Equal(s_retention, GoDuration.Parse(Text(tempo["compactor"]?["compaction"]?["block_retention"])!));
        Assert.Equal("s3", Text(tempo["storage"]?["trace"]?["backend"]));
        var s3 = tempo["storage"]?["trace"]?["s3"];
        Assert.All(new[] { "bucket", "endpoint", "access_key", "secret_key" }, key => Assert.False(string.IsNullOrEmpty(Text(s3?[key])), key));
        Assert.NotNull(tempo["distributor"]?["receivers"]?["otlp"]?["protocols"]?["grpc"]);
    }

    [Fact]
    public void Jaeger_v2_pipelines_connect_and_keep_traces_14_days_in_the_store_its_query_reads()
    {
        var jaeger = CollectorConfig.Load("jaeger", "jaeger.yaml");
        Assert.Empty(jaeger.Problems());

        var backends = jaeger.Component("extensions", "jaeger_storage")?["backends"]?.AsObject();
        Assert.NotNull(backends);
        var store = Text(jaeger.Component("extensions", "jaeger_query")?["storage"]?["traces"]);
        Assert.Equal(store, Text(jaeger.Component("exporters", "jaeger_storage_exporter")?["trace_storage"]));
        Assert.True(backends.ContainsKey(store!), $"jaeger_storage has no backend {store}");
        Assert.Equal(s_retention, GoDuration.Parse(Text(backends[store!]?["badger"]?["ttl"]?["spans"])!));
        Assert.Equal("false", Text(backends[store!]?["badger"]?["ephemeral"]));
    }

    [Fact]
    public void The_collectors_trace_store_exporter_speaks_otlp_to_either_store()
    {
        var collector = CollectorConfig.Load("otel-collector", "collector.yaml");
        Assert.Contains("${env:", Text(collector.Component("exporters", "otlp/trace-store")?["endpoint"]));
        Assert.NotNull(DeployFile.Yaml("tempo", "tempo.yaml")["distributor"]?["receivers"]?["otlp"]);
        Assert.NotNull(CollectorConfig.Load("jaeger", "jaeger.yaml").Component("receivers", "otlp")?["protocols"]?["grpc"]);
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();
}
