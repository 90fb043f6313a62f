using System.Text.Json;

namespace Jewelry.Tests.Corpus;

/// <summary>Reads the operations of an OpenAPI 3.x document (as Microsoft.AspNetCore.OpenApi writes it) with System.Text.Json.</summary>
internal static class OpenApiDocumentReader
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch"];

    public static IReadOnlyList<ApiOperation> Read(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var found)
            ? found
            : default;
        var documentSecured = document.TryGetProperty("security", out var documentSecurity) && documentSecurity.GetArrayLength() > 0;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var sharedParameters) ? sharedParameters.EnumerateArray().ToList() : [];
            foreach (var method in s_methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation))
                {
                    continue;
                }

                var parameters = shared
                    .Concat(operation.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : [])
                    .Select(p => (In: p.GetProperty("in").GetString(), Parameter: Parameter(p, schemas)))
                    .ToList();
                var (contentTypes, properties) = Body(operation, schemas);
                var secured = operation.TryGetProperty("security", out var security) ? security.GetArrayLength() > 0 : documentSecured;
                operations.Add(new ApiOperation(
                    method.ToUpperInvariant(),
                    path.Name,
                    [.. parameters.Where(p => p.In == "path").Select(p => p.Parameter)],
                    [.. parameters.Where(p => p.In == "query").Select(p => p.Parameter)],
                    contentTypes,
                    properties,
                    secured));
            }
        }

        return operations;
    }

    private static ApiParameter Parameter(JsonElement parameter, JsonElement schemas)
    {
        var schema = parameter.TryGetProperty("schema", out var s) ? Resolve(s, schemas) : default;
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return new ApiParameter(parameter.GetProperty("name").GetString()!, format == "uuid", Types(schema).Contains("integer"));
    }

    private static (IReadOnlyList<string> ContentTypes, IReadOnlyList<ApiProperty> Properties) Body(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
        {
            return ([], []);
        }

        var contentTypes = content.EnumerateObject().Select(c => c.Name).ToList();
        var properties = new List<ApiProperty>();
        foreach (var type in content.EnumerateObject().Where(c => c.Name.Contains("json", StringComparison.OrdinalIgnoreCase)))
        {
            var schema = type.Value.TryGetProperty("schema", out var s) ? Resolve(s, schemas) : default;
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props))
            {
                properties.AddRange(props.EnumerateObject().Select(p => new ApiProperty(p.Name, Types(Resolve(p.Value, schemas)).FirstOrDefault(t => t != "null") ?? "string")));
            }
        }

        return (contentTypes, properties);
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var depth = 0; depth < 8 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); depth++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (schemas.ValueKind != JsonValueKind.Object || !schemas.TryGetProperty(name, out schema))
            {
                return default;
            }
        }

        return schema;
    }

    /// <summary>The schema's JSON types: "type" as a string or an array (OpenAPI 3.1), else those of its oneOf/anyOf branches.</summary>
    private static IReadOnlyList<string> Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
        }

        return [.. new[] { "oneOf", "anyOf" }
            .Where(branch => schema.TryGetProperty(branch, out var branches) && branches.ValueKind == JsonValueKind.Array)
            .SelectMany(branch => schema.GetProperty(branch).EnumerateArray())
            .SelectMany(Types)];
    }
}
