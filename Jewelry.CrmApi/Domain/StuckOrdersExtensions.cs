using Jewelry.CrmApi.Domain;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class StuckOrdersExtensions
{
    /// <summary>The stuck-order thresholds from <c>Crm:StuckThresholds</c>, checked when the service starts.</summary>
    public static IHostApplicationBuilder AddStuckOrderThresholds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>());
        builder.Services.AddSingleton(services => StuckThresholds.Create(services.GetRequiredService<IOptions<CrmOptions>>().Value.StuckThresholds));
        return builder;
    }
}
