using System.Text.Json;
using System.Text.Json.Nodes;
using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Topology;
using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Tests.Deploy;

/// <summary>
/// deploy/grafana: the data sources, the dashboard and the alert rules parse, name provisioned data sources, and query
/// only series the services and the collector's span metrics really produce, with label values from the contracts.
/// </summary>
[Trait("Category", "Unit")]
public sealed class GrafanaProvisioningTests
{
    private static readonly JsonObject s_alerts = DeployFile.Yaml("grafana", "provisioning", "alerting", "jewelry-alerts.yaml");

    private static readonly List<JsonObject> s_rules =
        s_alerts["groups"]?.AsArray().SelectMany(g => g?["rules"]?.AsArray() ?? []).OfType<JsonObject>().ToList() ?? [];

    public static TheoryData<string> DataSourceFiles => new(
        Path.Combine("grafana", "provisioning", "datasources", "prometheus.yaml"),
        Path.Combine("grafana", "provisioning", "datasources", "tempo.yaml"),
        Path.Combine("jaeger", "grafana-datasource.yaml"));

    [Theory]
    [MemberData(nameof(DataSourceFiles))]
    public void Data_source_files_provision_named_data_sources(string file)
    {
        var sources = DeployFile.Yaml(file)["datasources"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.False(string.IsNullOrEmpty(Text(s["uid"])) || string.IsNullOrEmpty(Text(s["url"]))));
    }

    [Fact]
    public void Tempo_and_jaeger_are_the_same_trace_data_source_so_either_file_serves_the_dashboard()
    {
        var tempo = Assert.Single(Sources("grafana", "provisioning", "datasources", "tempo.yaml"));
        var jaeger = Assert.Single(Sources("jaeger", "grafana-datasource.yaml"));
        Assert.Equal(("tempo", "jaeger"), (Text(tempo["type"]), Text(jaeger["type"])));
        Assert.Equal(Text(tempo["uid"]), Text(jaeger["uid"]));
    }

    [Fact]
    public void The_dashboard_provider_points_at_a_folder_and_the_dashboard_names_provisioned_data_sources()
    {
        var provider = Assert.Single(DeployFile.Yaml("grafana", "provisioning", "dashboards", "dashboards.yaml")["providers"]?.AsArray() ?? []);
        Assert.Equal("file", Text(provider?["type"]));
        Assert.StartsWith("/", Text(provider?["options"]?["path"]));

        var uids = ProvisionedUids();
        Assert.All(Panels(), panel => Assert.Contains(Text(panel["datasource"]?["uid"]), uids));
        uids.Add("__expr__");
        Assert.All(s_rules.SelectMany(r => r["data"]?.AsArray() ?? []), query => Assert.Contains(Text(query?["datasourceUid"]), uids));
    }

    [Fact]
    public void The_dashboard_shows_the_seeds_metrics()
    {
        var titles = Panels().Select(p => Text(p["title"])!).ToList();
        Assert.All(
            new[] { "Average order time", "Orders waiting per status", "Lost messages", "p95 and p99 per stage", "Error rate" },
            wanted => Assert.Contains(titles, t => t.StartsWith(wanted, StringComparison.Ordinal)));
        var expressions = Panels().SelectMany(p => p["targets"]?.AsArray() ?? []).Select(t => Text(t?["expr"])!).ToList();
        Assert.Contains(expressions, e => e.Contains("histogram_quantile(0.95", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("histogram_quantile(0.99", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_query_reads_series_that_exist_with_labels_and_values_that_exist()
    {
        var series = ServiceMetricNames.PrometheusSeries().Concat(SpanMetricSeries()).ToHashSet();
        var labels = new HashSet<string>([
            "le", "job", "instance", "service_name", "span_name", "span_kind", "status_code", "outcome",
            .. new[] { OrderTelemetry.OrderStatus, OrderTelemetry.StatusFrom, OrderTelemetry.StatusTo, "messaging.destination.name" }.Select(PrometheusNames.Label),
            .. SpanMetricDimensions().Select(PrometheusNames.Label),
        ]);
        var statuses = Enum.GetValues<OrderStatus>().Select(s => s.ToName()).ToHashSet();
        var destinations = OrderTopology.Queues.SelectMany(q => q.RoutingKeys.Append(q.Name)).ToHashSet();

        var expressions = AllExpressions();
        Assert.NotEmpty(expressions);
        foreach (var expression in expressions)
        {
            Assert.All(PromQuery.MetricNames(expression), name => Assert.True(series.Contains(name), $"{name} is not a series the stack exports ({expression})"));
            var used = PromQuery.GroupingLabels(expression).Concat(PromQuery.ReplacedLabels(expression)).Concat(PromQuery.LabelMatchers(expression).Select(m => m.Label));
            Assert.All(used, label => Assert.True(labels.Contains(label), $"label {label} does not exist ({expression})"));
            foreach (var (label, value) in PromQuery.LabelMatchers(expression))
            {
                if (label.StartsWith("order_status", StringComparison.Ordinal))
                {
                    Assert.Contains(value, statuses);
                }
                else if (label == "messaging_destination_name")
                {
                    Assert.Contains(value, destinations);
                }
            }
        }
    }

    [Fact]
    public void The_query_check_refuses_a_metric_the_stack_does_not_export()
    {
        Assert.Equal(["jewelry_orders_lost_total", "other_metric"], PromQuery.MetricNames("sum by (queue) (rate(jewelry_orders_lost_total{queue=\"x\"}[5m])) / other_metric"));
        Assert.DoesNotContain("jewelry_orders_lost_total", ServiceMetricNames.PrometheusSeries());
        Assert.Contains("jewelry_order_status_duration_seconds_bucket", ServiceMetricNames.PrometheusSeries());
    }

    [Fact]
    public void Alert_rules_are_complete_and_use_the_dashboards_thresholds()
    {
        Assert.NotEmpty(s_rules);
        Assert.Equal(s_rules.Count, s_rules.Select(r => Text(r["uid"])).Distinct().Count());
        foreach (var rule in s_rules)
        {
            var refIds = rule["data"]?.AsArray().Select(d => Text(d?["refId"])).ToList() ?? [];
            Assert.Contains(Text(rule["condition"]), refIds);
            Assert.False(string.IsNullOrEmpty(Text(rule["labels"]?["kind"])), Text(rule["uid"]));
            _ = GoDuration.Parse(Text(rule["for"])!);
        }

        var orders = JsonNode.Parse(File.ReadAllText(Stack.TestRepository.PathOf("Jewelry.Dashboard", "appsettings.json")))?["Dashboard"]?["Orders"];
        var lost = Assert.Single(s_rules, r => Text(r["labels"]?["kind"]) == "LostMessages");
        Assert.Equal(TimeSpan.Parse(Text(orders?["LostMessageAfter"])!, System.Globalization.CultureInfo.InvariantCulture), GoDuration.Parse(Text(lost["for"])!));
        Assert.Contains(Text(lost["labels"]?["queue"]), OrderTopology.Queues.Select(q => q.Name));

        var stuck = Assert.Single(s_rules, r => Text(r["labels"]?["kind"]) == "StuckOrders");
        var status = Text(stuck["labels"]?["status"]);
        var threshold = orders?["Statuses"]?.AsArray().Single(s => Text(s?["Name"]) == status)?["Threshold"];
        var offset = GoDuration.Parse(System.Text.RegularExpressions.Regex.Match(Expression(stuck), @"offset (\w+)").Groups[1].Value);
        Assert.Equal(TimeSpan.Parse(Text(threshold)!, System.Globalization.CultureInfo.InvariantCulture), offset);
    }

    [Fact]
    public void Alert_rules_name_the_dashboards_default_rules_with_their_kind_and_threshold()
    {
        var defaults = JsonNode.Parse(File.ReadAllText(Stack.TestRepository.PathOf("Jewelry.Dashboard", "appsettings.json")))?["Dashboard"]?["Alerts"]?["Rules"]?.AsObject();
        Assert.All(s_rules, rule => Assert.False(string.IsNullOrEmpty(Text(rule["labels"]?["rule"])), Text(rule["uid"])));
        if (defaults is null)
        {
            // Before the dashboard's alert rules exist, the thresholds above (Dashboard:Orders) are the reference.
            return;
        }

        foreach (var rule in s_rules)
        {
            var name = Text(rule["labels"]?["rule"])!;
            Assert.True(defaults.ContainsKey(name), $"Dashboard:Alerts:Rules has no {name}");
            var dashboardRule = defaults[name]!;
            Assert.Equal(Text(dashboardRule["Kind"]), Text(rule["labels"]?["kind"]));
            var threshold = double.Parse(Text(rule["data"]?.AsArray().Single(d => Text(d?["datasourceUid"]) == "__expr__")?["model"]?["conditions"]?[0]?["evaluator"]?["params"]?[0])!, System.Globalization.CultureInfo.InvariantCulture);
            var expected = dashboardRule["Latency"] is { } latency
                ? TimeSpan.Parse(Text(latency)!, System.Globalization.CultureInfo.InvariantCulture).TotalSeconds
                : double.Parse(Text(dashboardRule["Threshold"]) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, threshold);
        }
    }

    private static IEnumerable<JsonObject> Sources(params string[] parts) =>
        DeployFile.Yaml(parts)["datasources"]?.AsArray().OfType<JsonObject>() ?? [];

    private static HashSet<string?> ProvisionedUids() =>
        [.. Sources("grafana", "provisioning", "datasources", "prometheus.yaml").Concat(Sources("grafana", "provisioning", "datasources", "tempo.yaml")).Select(s => Text(s["uid"]))];

    private static IEnumerable<JsonObject> Panels() =>
        DeployFile.Json("grafana", "dashboards", "jewelry-orders.json")["panels"]?.AsArray().OfType<JsonObject>() ?? [];

    private static List<string> AllExpressions() =>
        [.. Panels().SelectMany(p => p["targets"]?.AsArray() ?? []).Select(t => Text(t?["expr"])!), .. s_rules.Select(Expression)];

    private static string Expression(JsonObject rule) =>
        Text(rule["data"]?.AsArray().Single(d => Text(d?["datasourceUid"]) != "__expr__")?["model"]?["expr"])!;

    private static IEnumerable<string> SpanMetricSeries()
    {
        var spanMetrics = CollectorConfig.Load("otel-collector", "collector.yaml").Component("connectors", "spanmetrics");
        var prefix = Text(spanMetrics?["namespace"]) + ".";
        return PrometheusNames.Series(prefix + "calls", null, MetricShape.Counter)
            .Concat(PrometheusNames.Series(prefix + "duration", Text(spanMetrics?["histogram"]?["unit"]), MetricShape.Histogram));
    }

    private static IEnumerable<string> SpanMetricDimensions() =>
        CollectorConfig.Load("otel-collector", "collector.yaml").Component("connectors", "spanmetrics")?["dimensions"]?.AsArray()
            .Select(d => Text(d?["name"])!) ?? [];

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToString();
}
