using System.Text.Json.Nodes;
using Jewelry.Dashboard.Otlp;
using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Tests.Deploy;

/// <summary>deploy/otel-collector/collector.yaml, checked without a collector binary (none installs here).</summary>
[Trait("Category", "Unit")]
public sealed class CollectorConfigTests
{
    private static readonly CollectorConfig s_config = CollectorConfig.Load("otel-collector", "collector.yaml");

    [Fact]
    public void Every_pipeline_connects_and_every_component_defined_is_used() => Assert.Empty(s_config.Problems());

    [Fact]
    public void Otlp_is_received_over_tls_with_the_api_key_on_both_protocols()
    {
        foreach (var protocol in new[] { "grpc", "http" })
        {
            var settings = s_config.Component("receivers", "otlp")?["protocols"]?[protocol];
            Assert.False(string.IsNullOrEmpty(Text(settings?["tls"]?["cert_file"])), $"{protocol}: tls.cert_file");
            Assert.False(string.IsNullOrEmpty(Text(settings?["tls"]?["key_file"])), $"{protocol}: tls.key_file");
            var authenticator = Text(settings?["auth"]?["authenticator"]);
            Assert.StartsWith("bearertokenauth", authenticator);
            Assert.Contains("${env:", Text(s_config.Component("extensions", authenticator!)?["token"]));
        }
    }

    [Fact]
    public void Every_pipeline_limits_memory_first_and_batches()
    {
        Assert.All(s_config.Pipelines.Where(p => p.Receivers.Contains("otlp")), p => Assert.Equal("memory_limiter", p.Processors[0]));
        Assert.All(s_config.Pipelines, p => Assert.Contains("batch", p.Processors));
    }

    [Fact]
    public void Personal_data_keys_are_dropped_with_the_services_own_pattern_in_every_pipeline_that_receives_otlp()
    {
        var actions = s_config.Component("processors", "attributes/personal-data")?["actions"]?.AsArray() ?? [];
        var action = Assert.Single(actions);
        Assert.Equal("delete", Text(action?["action"]));

        // Go's RE2 takes the flag inline where .NET takes RegexOptions.IgnoreCase.
        Assert.Equal("(?i)" + TelemetryRedactor.SensitiveKeyPattern, Text(action?["pattern"]));
        Assert.DoesNotMatch(@"\(\?<|\(\?=|\(\?!|\\\d", TelemetryRedactor.SensitiveKeyPattern);
        Assert.All(s_config.Pipelines.Where(p => p.Receivers.Contains("otlp")), p => Assert.Contains("attributes/personal-data", p.Processors));
    }

    [Fact]
    public void Values_that_look_like_personal_data_are_masked_in_traces_and_logs()
    {
        var redaction = s_config.Component("processors", "redaction/values");
        Assert.Equal("true", Text(redaction?["allow_all_keys"]));
        var blocked = redaction?["blocked_values"]?.AsArray().Select(Text).ToList() ?? [];
        Assert.Contains(blocked, pattern => System.Text.RegularExpressions.Regex.IsMatch("ana@example.com", pattern!));
        Assert.Contains(blocked, pattern => System.Text.RegularExpressions.Regex.IsMatch("4111 1111 1111 1111", pattern!));
        Assert.All(s_config.Pipelines.Where(p => p.Signal is "traces" or "logs" && p.Receivers.Contains("otlp")), p => Assert.Contains("redaction/values", p.Processors));
    }

    [Fact]
    public void Tail_sampling_keeps_errors_slow_order_chains_full_tracing_and_a_ratio_of_the_rest()
    {
        var policies = s_config.Component("processors", "tail_sampling")?["policies"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        Assert.Contains(policies, p => Text(p["type"]) == "status_code" && p["status_code"]?["status_codes"]?.AsArray().Select(Text).Contains("ERROR") == true);

        var fullTracing = Assert.Single(policies, p => Text(p["type"]) == "trace_state");
        var marker = FullTracingSampler.TraceStateEntry.Split('=');
        Assert.Equal(marker[0], Text(fullTracing["trace_state"]?["key"]));
        Assert.Equal([marker[1]], fullTracing["trace_state"]?["values"]?.AsArray().Select(Text));

        var slow = Assert.Single(policies, p => Text(p["type"]) == "and");
        var parts = slow["and"]?["and_sub_policy"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        Assert.Contains(parts, p => Text(p["type"]) == "latency" && int.Parse(Text(p["latency"]?["threshold_ms"])!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(parts, p => Text(p["type"]) == "string_attribute" && Text(p["string_attribute"]?["key"]) == OrderTelemetry.OrderId);

        var ratio = Assert.Single(policies, p => Text(p["type"]) == "probabilistic");
        var percentage = double.Parse(Text(ratio["probabilistic"]?["sampling_percentage"])!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(percentage, 0.1, 99.9);
    }

    [Fact]
    public void Only_the_trace_store_gets_sampled_traces_while_the_dashboard_and_span_metrics_see_every_span()
    {
        var sampled = Assert.Single(s_config.Pipelines, p => p.Processors.Contains("tail_sampling"));
        Assert.Equal(["otlp/trace-store"], sampled.Exporters);

        var unsampled = s_config.Pipelines.Where(p => p.Signal == "traces" && !p.Processors.Contains("tail_sampling")).SelectMany(p => p.Exporters).ToList();
        Assert.Contains("otlphttp/jewelry-dashboard", unsampled);
        Assert.Contains("spanmetrics", unsampled);
        Assert.Contains(s_config.Pipelines, p => p.Receivers.Contains("spanmetrics") && p.Exporters.Contains("prometheus"));
        Assert.All(s_config.Pipelines.Where(p => p.Receivers.Contains("otlp")), p => Assert.Contains("otlphttp/jewelry-dashboard", p.Exporters));
    }

    [Fact]
    public void The_dashboard_exporter_sends_the_dashboards_api_key_header()
    {
        var headers = s_config.Component("exporters", "otlphttp/jewelry-dashboard")?["headers"]?.AsObject();
        Assert.NotNull(headers);
        Assert.Contains("${env:", Text(headers[OtlpOptions.ApiKeyHeaderName]));
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();
}
