namespace Jewelry.Hosting;

/// <summary>Points at one endpoint of a resource; resolves to its URL at run time and to a binding expression in the manifest.</summary>
public sealed class EndpointReference : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference(IResourceWithEndpoints resource, string endpointName)
    {
        Resource = resource;
        EndpointName = endpointName;
        Endpoint = resource.Endpoints.FirstOrDefault(e => e.Name == endpointName)
            ?? throw new ArgumentException($"Resource '{resource.Name}' has no endpoint named '{endpointName}'.", nameof(endpointName));
    }

    public IResourceWithEndpoints Resource { get; }

    public string EndpointName { get; }

    public EndpointAnnotation Endpoint { get; }

    public Uri Url => Endpoint.Url;

    public string ValueExpression => Property(EndpointProperty.Url).ValueExpression;

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    public string GetValue() => Property(EndpointProperty.Url).GetValue();
}
