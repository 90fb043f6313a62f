namespace Jewelry.Tests.Corpus;

/// <summary>One operation of a service's OpenAPI document: what the corpus needs to build malformed requests for it.</summary>
internal sealed record ApiOperation(
    string Method,
    string Route,
    IReadOnlyList<ApiParameter> PathParameters,
    IReadOnlyList<ApiParameter> QueryParameters,
    IReadOnlyList<string> BodyContentTypes,
    IReadOnlyList<ApiProperty> BodyProperties,
    bool RequiresCredentials)
{
    public bool HasBody => BodyContentTypes.Count > 0;

    public bool AcceptsMultipart => BodyContentTypes.Contains("multipart/form-data", StringComparer.OrdinalIgnoreCase);

    public bool IsSafe => Method is "GET" or "HEAD";

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>A path or query parameter; <see cref="IsUuid"/> and <see cref="IsInteger"/> come from its schema.</summary>
internal sealed record ApiParameter(string Name, bool IsUuid, bool IsInteger);

/// <summary>A property of a JSON request body, with the JSON type its schema names (string, integer, number, boolean, array, object).</summary>
internal sealed record ApiProperty(string Name, string JsonType);
