using Jewelry.Manufacturing.Pricing;
using Jewelry.MesApi.Pricing;
using Jewelry.MesApi.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class PricingExtensions
{
    /// <summary>The price list (section <c>Pricing</c>), the model limits (section <c>Mes</c>), the model store and the pricer.</summary>
    public static IHostApplicationBuilder AddMesPricing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName);
        builder.Services.AddOptions<MesOptions>()
            .BindConfiguration(MesOptions.SectionName)
            .Validate(options => options.MaxModelBytes > 0, "Mes:MaxModelBytes must be positive.")
            .Validate(options => options.BuildVolume is { X: > 0, Y: > 0, Z: > 0 }, "Mes:BuildVolume: X, Y and Z must be positive millimetres.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new PriceCalculator(services.GetRequiredService<IOptions<PricingOptions>>().Value));
        builder.Services.AddSingleton(services => new ModelPricer(
            services.GetRequiredService<PriceCalculator>(),
            services.GetRequiredService<IOptions<MesOptions>>().Value.BuildVolume));
        builder.Services.AddSingleton<PricingMetrics>();
        builder.Services.AddSingleton<ModelStore>();

        return builder;
    }
}
