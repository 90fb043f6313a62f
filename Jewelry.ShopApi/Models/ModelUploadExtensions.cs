using Jewelry.ServiceDefaults.Multipart;
using Jewelry.ShopApi;
using Jewelry.ShopApi.Models;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class ModelUploadExtensions
{
    /// <summary>
    /// Model uploads up to <c>Shop:MaxModelBytes</c>. Kestrel's own body limit stays at its default for every
    /// other endpoint; the upload endpoint raises it for its request only, to exactly this limit plus framing.
    /// </summary>
    public static IHostApplicationBuilder AddModelUploads(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShopOptions>()
            .BindConfiguration(ShopOptions.SectionName)
            .Validate(options => options.MaxModelBytes is > 0 and < int.MaxValue, "Shop:MaxModelBytes must be between 1 byte and 2 GiB.")
            .ValidateOnStart();

        builder.Services.AddOptions<FormOptions>()
            .Configure<IOptions<ShopOptions>>((form, shop) =>
                form.MultipartBodyLengthLimit = shop.Value.MaxModelBytes + MultipartFormLimits.OverheadBytes);

        builder.Services.AddSingleton<ModelUploadReader>();
        builder.Services.AddSingleton<ModelStore>();

        return builder;
    }
}
