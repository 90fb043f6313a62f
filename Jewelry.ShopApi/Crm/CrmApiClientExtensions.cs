using Jewelry.ShopApi.Crm;

namespace Microsoft.Extensions.Hosting;

public static class CrmApiClientExtensions
{
    public const string CrmApiAddress = "https://crm-api";

    public static IHostApplicationBuilder AddCrmApiClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<CrmApiClient>(client => client.BaseAddress = new Uri(CrmApiAddress));
        return builder;
    }
}
