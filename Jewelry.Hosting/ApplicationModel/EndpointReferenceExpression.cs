using System.Globalization;

namespace Jewelry.Hosting;

/// <summary>One property (host, port, URL...) of an endpoint, usable inside a <see cref="ReferenceExpression"/>.</summary>
public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property)
    : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string ValueExpression =>
        $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{ManifestPropertyName}}}";

    private string ManifestPropertyName => Property switch
    {
        EndpointProperty.Url => "url",
        EndpointProperty.Host => "host",
        EndpointProperty.Port => "port",
        EndpointProperty.TargetPort => "targetPort",
        EndpointProperty.Scheme => "scheme",
        _ => throw new InvalidOperationException($"Unknown endpoint property {Property}."),
    };

    public string GetValue()
    {
        var annotation = Endpoint.Endpoint;
        return Property switch
        {
            EndpointProperty.Url => annotation.Url.ToString().TrimEnd('/'),
            EndpointProperty.Host => EndpointAnnotation.LocalHost,
            EndpointProperty.Port or EndpointProperty.TargetPort => annotation.Port.ToString(CultureInfo.InvariantCulture),
            EndpointProperty.Scheme => annotation.UriScheme,
            _ => throw new InvalidOperationException($"Unknown endpoint property {Property}."),
        };
    }
}
