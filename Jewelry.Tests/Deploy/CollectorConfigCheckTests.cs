namespace Jewelry.Tests.Deploy;

/// <summary>The checks themselves find what the collector would refuse or silently ignore.</summary>
[Trait("Category", "Unit")]
public sealed class CollectorConfigCheckTests
{
    [Fact]
    public void A_processor_named_but_not_defined_is_reported()
    {
        var problems = Check("""
            receivers: { otlp: { protocols: { grpc: } } }
            processors: { batch: }
            exporters: { debug: }
            service: { pipelines: { traces: { receivers: [otlp], processors: [batch, memory_limiter], exporters: [debug] } } }
            """);
        Assert.Equal(["pipeline traces: processors memory_limiter is not defined"], problems);
    }

    [Fact]
    public void A_processor_defined_but_unused_and_a_connector_joining_wrong_signals_are_reported()
    {
        var problems = Check("""
            receivers: { otlp: { protocols: { grpc: } } }
            processors: { batch: , tail_sampling: }
            exporters: { debug: }
            connectors: { spanmetrics: }
            service:
              pipelines:
                traces: { receivers: [otlp], processors: [batch], exporters: [spanmetrics] }
                logs: { receivers: [spanmetrics], exporters: [debug] }
            """);
        Assert.Contains("processors.tail_sampling is defined but no pipeline uses it", problems);
        Assert.Contains("connector spanmetrics joins traces to logs", problems);
    }

    [Fact]
    public void An_authenticator_that_is_not_an_enabled_extension_is_reported()
    {
        var problems = Check("""
            extensions: { bearertokenauth: { token: x } }
            receivers: { otlp: { protocols: { grpc: { auth: { authenticator: bearertokenauth } } } } }
            exporters: { debug: }
            service: { pipelines: { traces: { receivers: [otlp], exporters: [debug] } } }
            """);
        Assert.Contains("extensions.bearertokenauth is defined but not in service.extensions", problems);
        Assert.Contains("authenticator bearertokenauth is not an enabled extension", problems);
    }

    private static IReadOnlyList<string> Check(string yaml) => new CollectorConfig(DeployFile.ParseYaml(yaml)).Problems();
}
