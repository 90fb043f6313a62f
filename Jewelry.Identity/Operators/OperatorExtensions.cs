using Jewelry.Identity.Operators;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class OperatorExtensions
{
    /// <summary>The operators of <c>Identity:Operators</c>, checked at start, for the password grant.</summary>
    public static IHostApplicationBuilder AddOperators(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorsOptions>().BindConfiguration(OperatorsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OperatorsOptions>, OperatorRules>();
        builder.Services.AddSingleton<OperatorDirectory>();
        return builder;
    }
}
