using Jewelry.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsExtensions
{
    /// <summary>Every error response is an RFC 9457 problem details document.</summary>
    public static TBuilder AddDefaultProblemDetails<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.FillDetail);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Minimal APIs throw for an unreadable body only in Development by default, and otherwise answer
        // a bare 400; throwing everywhere lets BadRequestExceptionHandler say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        return builder;
    }

    internal static IApplicationBuilder UseDefaultProblemDetails(this IApplicationBuilder app)
        => app
            .UseExceptionHandler()
            .UseStatusCodePages();
}
