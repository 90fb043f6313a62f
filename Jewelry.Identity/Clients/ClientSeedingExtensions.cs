using Jewelry.Identity.Clients;

namespace Microsoft.Extensions.Hosting;

public static class ClientSeedingExtensions
{
    /// <summary>Seeds <c>Identity:Clients</c> at startup; call after <c>AddIdentityData</c> so the schema exists first.</summary>
    public static IHostApplicationBuilder AddClientSeeding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientsOptions>().BindConfiguration(ClientsOptions.SectionName);
        builder.Services.AddHostedService<ClientSeeder>();
        return builder;
    }
}
