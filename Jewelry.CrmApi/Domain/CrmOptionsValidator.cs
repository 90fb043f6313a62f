using Microsoft.Extensions.Options;

namespace Jewelry.CrmApi.Domain;

internal sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        var errors = StuckThresholds.Validate(options.StuckThresholds);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
