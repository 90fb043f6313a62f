using System.Text.Json.Nodes;
using Jewelry.Tests.Stack;
using YamlDotNet.RepresentationModel;

namespace Jewelry.Tests.Deploy;

/// <summary>The files under <c>deploy/</c>, read as JSON trees (YAML scalars stay strings; an empty value is null).</summary>
internal static class DeployFile
{
    public static string PathOf(params string[] parts) => TestRepository.PathOf(["deploy", .. parts]);

    public static JsonObject Yaml(params string[] parts) => ParseYaml(File.ReadAllText(PathOf(parts)));

    public static JsonObject Json(params string[] parts) =>
        JsonNode.Parse(File.ReadAllText(PathOf(parts)))?.AsObject() ?? throw new InvalidDataException($"{Path.Combine(parts)} is empty.");

    public static JsonObject ParseYaml(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return ToJson(stream.Documents.Single().RootNode)?.AsObject() ?? throw new InvalidDataException("The YAML document is empty.");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(child =>
            KeyValuePair.Create(((YamlScalarNode)child.Key).Value ?? string.Empty, ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };
}
