using Microsoft.Extensions.Configuration;

namespace Jewelry.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Resolves a logical service address such as <c>http://crm-api/orders</c> from configuration, as
/// Aspire's configuration provider does: <c>services:{service}:{endpoint}:0</c>, where the endpoint
/// is the scheme (<c>http</c>, <c>https</c>) or a named endpoint written <c>http://_name.service</c>.
/// A scheme list like <c>https+http</c> tries each in turn. Hosts with no configuration are left to DNS.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    public Uri Resolve(Uri address)
    {
        if (!address.IsAbsoluteUri)
        {
            return address;
        }

        var (service, endpointName) = SplitHost(address.Host);

        foreach (var scheme in address.Scheme.Split('+'))
        {
            var configured = configuration[$"services:{service}:{endpointName ?? scheme}:0"];
            if (Uri.TryCreate(configured, UriKind.Absolute, out var endpoint))
            {
                return new UriBuilder(address)
                {
                    Scheme = endpoint.Scheme,
                    Host = endpoint.Host,
                    Port = endpoint.Port,
                }.Uri;
            }
        }

        return address;
    }

    private static (string Service, string? EndpointName) SplitHost(string host)
    {
        if (host.StartsWith('_'))
        {
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            if (dot > 1)
            {
                return (host[(dot + 1)..], host[1..dot]);
            }
        }

        return (host, null);
    }
}
