namespace Jewelry.ServiceDefaults.ServiceDiscovery;

/// <summary>Rewrites each request's logical address (<c>http://crm-api</c>) to the configured endpoint.</summary>
internal sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Resolve(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Resolve(request);
        return base.Send(request, cancellationToken);
    }

    private void Resolve(HttpRequestMessage request)
    {
        if (request.RequestUri is { } address)
        {
            request.RequestUri = resolver.Resolve(address);
        }
    }
}
