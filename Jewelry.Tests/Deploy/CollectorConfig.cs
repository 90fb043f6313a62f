using System.Text.Json.Nodes;

namespace Jewelry.Tests.Deploy;

/// <summary>
/// An OpenTelemetry Collector configuration (also Jaeger v2's, which is one), and the checks the collector makes at
/// start that matter here: every component a pipeline names is defined, every one defined is used, connectors join
/// pipelines of the right signals, authenticators are enabled extensions.
/// </summary>
internal sealed class CollectorConfig(JsonObject root)
{
    private static readonly string[] s_signals = ["traces", "metrics", "logs"];

    public JsonObject Root => root;

    public IReadOnlyList<CollectorPipeline> Pipelines { get; } =
        root["service"]?["pipelines"]?.AsObject().Select(pipeline => new CollectorPipeline(
            pipeline.Key,
            Names(pipeline.Value?["receivers"]),
            Names(pipeline.Value?["processors"]),
            Names(pipeline.Value?["exporters"]))).ToList() ?? [];

    public static CollectorConfig Load(params string[] parts) => new(DeployFile.Yaml(parts));

    public JsonNode? Component(string section, string name) =>
        root[section] is JsonObject components && components.TryGetPropertyValue(name, out var component)
            ? component ?? new JsonObject()
            : throw new KeyNotFoundException($"No {section}.{name} in the configuration.");

    public IReadOnlyList<string> Defined(string section) => root[section]?.AsObject().Select(c => c.Key).ToList() ?? [];

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Pipelines.Count == 0)
        {
            problems.Add("service.pipelines is empty");
        }

        var connectors = Defined("connectors");
        foreach (var pipeline in Pipelines)
        {
            if (!s_signals.Contains(pipeline.Signal))
            {
                problems.Add($"pipeline {pipeline.Name}: unknown signal {pipeline.Signal}");
            }

            if (pipeline.Receivers.Count == 0 || pipeline.Exporters.Count == 0)
            {
                problems.Add($"pipeline {pipeline.Name} needs receivers and exporters");
            }

            problems.AddRange(Undefined(pipeline, "receivers", pipeline.Receivers, [.. Defined("receivers"), .. connectors]));
            problems.AddRange(Undefined(pipeline, "processors", pipeline.Processors, Defined("processors")));
            problems.AddRange(Undefined(pipeline, "exporters", pipeline.Exporters, [.. Defined("exporters"), .. connectors]));
        }

        problems.AddRange(Unused("receivers", Pipelines.SelectMany(p => p.Receivers)));
        problems.AddRange(Unused("processors", Pipelines.SelectMany(p => p.Processors)));
        problems.AddRange(Unused("exporters", Pipelines.SelectMany(p => p.Exporters)));
        problems.AddRange(connectors.SelectMany(ConnectorProblems));
        problems.AddRange(ExtensionProblems());
        return problems;
    }

    private static List<string> Names(JsonNode? list) =>
        list?.AsArray().Select(n => n?.GetValue<string>() ?? string.Empty).ToList() ?? [];

    private static IEnumerable<string> Undefined(CollectorPipeline pipeline, string role, IEnumerable<string> names, IReadOnlyList<string> defined) =>
        names.Where(name => !defined.Contains(name)).Select(name => $"pipeline {pipeline.Name}: {role} {name} is not defined");

    private IEnumerable<string> Unused(string section, IEnumerable<string> used)
    {
        var usedNames = used.ToHashSet();
        return Defined(section).Where(name => !usedNames.Contains(name)).Select(name => $"{section}.{name} is defined but no pipeline uses it");
    }

    private IEnumerable<string> ConnectorProblems(string connector)
    {
        var from = Pipelines.Where(p => p.Exporters.Contains(connector)).Select(p => p.Signal).Distinct().ToList();
        var to = Pipelines.Where(p => p.Receivers.Contains(connector)).Select(p => p.Signal).Distinct().ToList();
        if (from.Count == 0 || to.Count == 0)
        {
            yield return $"connector {connector} must be the exporter of one pipeline and the receiver of another";
            yield break;
        }

        (string From, string To)? expected = connector.Split('/')[0] switch
        {
            "spanmetrics" => ("traces", "metrics"),
            "forward" when from.Count == 1 => (from[0], from[0]),
            _ => null,
        };
        if (expected is not { } signals || from.Any(s => s != signals.From) || to.Any(s => s != signals.To))
        {
            yield return $"connector {connector} joins {string.Join(",", from)} to {string.Join(",", to)}";
        }
    }

    private IEnumerable<string> ExtensionProblems()
    {
        var enabled = Names(root["service"]?["extensions"]);
        var defined = Defined("extensions");
        foreach (var name in enabled.Where(name => !defined.Contains(name)))
        {
            yield return $"service.extensions names {name}, which is not defined";
        }

        foreach (var name in defined.Where(name => !enabled.Contains(name)))
        {
            yield return $"extensions.{name} is defined but not in service.extensions";
        }

        foreach (var authenticator in Descendants(root).OfType<JsonObject>().Select(o => o["authenticator"]).OfType<JsonValue>())
        {
            var name = authenticator.GetValue<string>();
            if (!enabled.Contains(name))
            {
                yield return $"authenticator {name} is not an enabled extension";
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
