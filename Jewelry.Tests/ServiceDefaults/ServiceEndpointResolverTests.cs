using Jewelry.ServiceDefaults.ServiceDiscovery;
using Microsoft.Extensions.Configuration;

namespace Jewelry.Tests.ServiceDefaults;

public sealed class ServiceEndpointResolverTests
{
    private static ServiceEndpointResolver ResolverWith(params (string Key, string Value)[] settings)
        => new(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Resolves_a_logical_host_from_the_configured_endpoint_keeping_path_and_query()
    {
        var resolver = ResolverWith(("services:crm-api:http:0", "http://127.0.0.1:5123"));

        var resolved = resolver.Resolve(new Uri("http://crm-api/orders/42?expand=history"));

        Assert.Equal(new Uri("http://127.0.0.1:5123/orders/42?expand=history"), resolved);
    }

    [Fact]
    public void Reads_the_keys_the_apphost_injects_as_environment_variables()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("services:crm-api:http:0", "http://127.0.0.1:7000")])
            .Build();

        var resolved = new ServiceEndpointResolver(configuration).Resolve(new Uri("http://CRM-API/"));

        Assert.Equal(new Uri("http://127.0.0.1:7000/"), resolved);
    }

    [Fact]
    public void A_scheme_list_prefers_the_first_scheme_that_is_configured()
    {
        var both = ResolverWith(
            ("services:crm-api:http:0", "http://127.0.0.1:5000"),
            ("services:crm-api:https:0", "https://127.0.0.1:5001"));
        var httpOnly = ResolverWith(("services:crm-api:http:0", "http://127.0.0.1:5000"));

        Assert.Equal(new Uri("https://127.0.0.1:5001/x"), both.Resolve(new Uri("https+http://crm-api/x")));
        Assert.Equal(new Uri("http://127.0.0.1:5000/x"), httpOnly.Resolve(new Uri("https+http://crm-api/x")));
    }

    [Fact]
    public void A_named_endpoint_is_written_as_an_underscore_prefix()
    {
        var resolver = ResolverWith(("services:mes-api:management:0", "http://127.0.0.1:6001"));

        Assert.Equal(new Uri("http://127.0.0.1:6001/stats"), resolver.Resolve(new Uri("http://_management.mes-api/stats")));
    }

    [Theory]
    [InlineData("http://example.org/path")]
    [InlineData("http://127.0.0.1:5000/already-resolved")]
    public void Leaves_hosts_without_configuration_to_dns(string address)
    {
        var resolver = ResolverWith(("services:crm-api:http:0", "http://127.0.0.1:5123"));

        Assert.Equal(new Uri(address), resolver.Resolve(new Uri(address)));
    }

    [Fact]
    public void Leaves_relative_addresses_alone()
    {
        var relative = new Uri("orders/42", UriKind.Relative);

        Assert.Same(relative, ResolverWith().Resolve(relative));
    }
}
