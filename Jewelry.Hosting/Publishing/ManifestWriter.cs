using System.Text.Json;

namespace Jewelry.Hosting;

/// <summary>
/// Writes the Aspire deployment manifest (https://json.schemastore.org/aspire-8.0.json): infrastructure as
/// container.v0, databases as value.v0, generated passwords as parameter.v0, services as project.v0, with
/// {resource.connectionString} and {resource.bindings.*} expressions that the deployment tool resolves.
/// </summary>
internal static class ManifestWriter
{
    public const string DefaultFileName = "aspire-manifest.json";
    private const string Schema = "https://json.schemastore.org/aspire-8.0.json";

    /// <summary>Writes to <paramref name="path"/>, or to aspire-manifest.json inside it when it is a folder; returns the file written.</summary>
    public static string Write(IReadOnlyList<IResource> model, string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, DefaultFileName) : Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var stream = File.Create(file))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Schema);
            writer.WriteStartObject("resources");
            foreach (var resource in model)
            {
                writer.WriteStartObject(resource.Name);
                WriteResource(writer, resource, Path.GetDirectoryName(file)!);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return file;
    }

    private static void WriteResource(Utf8JsonWriter writer, IResource resource, string manifestDirectory)
    {
        switch (resource)
        {
            case ParameterResource parameter:
                WriteParameter(writer, parameter);
                break;
            case ProjectResource project:
                WriteProject(writer, project, manifestDirectory);
                break;
            case PostgresDatabaseResource database:
                writer.WriteString("type", "value.v0");
                writer.WriteString("connectionString", database.ConnectionStringExpression.ValueExpression);
                break;
            default:
                WriteContainer(writer, resource, ContainerDefinition.For(resource));
                break;
        }
    }

    private static void WriteContainer(Utf8JsonWriter writer, IResource resource, ContainerDefinition container)
    {
        writer.WriteString("type", "container.v0");
        if (resource is IResourceWithConnectionString withConnectionString)
        {
            writer.WriteString("connectionString", withConnectionString.ConnectionStringExpression.ValueExpression);
        }

        writer.WriteString("image", container.Image);
        if (container.Arguments.Count > 0)
        {
            writer.WriteStartArray("args");
            foreach (var argument in container.Arguments)
            {
                writer.WriteStringValue(argument);
            }

            writer.WriteEndArray();
        }

        WriteEnvironment(writer, container.Environment.Select(e => (e.Key, e.Value.ValueExpression)));
        WriteBindings(writer, resource);
    }

    private static void WriteProject(Utf8JsonWriter writer, ProjectResource project, string manifestDirectory)
    {
        writer.WriteString("type", "project.v0");
        writer.WriteString("path", Path.GetRelativePath(manifestDirectory, project.Metadata.ProjectPath).Replace('\\', '/'));

        var http = new EndpointReference(project, ProjectResource.HttpEndpointName);
        var environment = new List<(string Name, string Value)>
        {
            ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
            ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
            ("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
            ("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"),
            ("HTTP_PORTS", http.Property(EndpointProperty.TargetPort).ValueExpression),
        };
        environment.AddRange(project.References
            .SelectMany(ProjectEnvironment.ReferenceManifestExpressions)
            .Select(variable => (variable.Name, variable.Expression.ValueExpression)));
        environment.AddRange(project.Environment.Select(variable => (variable.Key, variable.Value.ValueExpression)));
        WriteEnvironment(writer, environment);
        WriteBindings(writer, project);
    }

    private static void WriteParameter(Utf8JsonWriter writer, ParameterResource parameter)
    {
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }

        writer.WriteStartObject("default");
        writer.WriteStartObject("generate");
        writer.WriteNumber("minLength", parameter.GeneratedLength);

        // Passwords end up inside amqp:// URIs and connection strings.
        writer.WriteBoolean("special", false);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEnvironment(Utf8JsonWriter writer, IEnumerable<(string Name, string Value)> environment)
    {
        writer.WriteStartObject("env");
        foreach (var (name, value) in environment)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteBindings(Utf8JsonWriter writer, IResource resource)
    {
        if (resource is not IResourceWithEndpoints withEndpoints)
        {
            return;
        }

        writer.WriteStartObject("bindings");
        foreach (var endpoint in withEndpoints.Endpoints)
        {
            writer.WriteStartObject(endpoint.Name);
            writer.WriteString("scheme", endpoint.UriScheme);
            writer.WriteString("protocol", "tcp");
            writer.WriteString("transport", endpoint.Transport);
            if (endpoint.TargetPort is { } targetPort)
            {
                writer.WriteNumber("targetPort", targetPort);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
