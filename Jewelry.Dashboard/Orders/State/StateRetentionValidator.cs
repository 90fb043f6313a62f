using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Orders.State;

/// <summary>The state must outlive the stuck report's look-back: an order still in the report must still have its state.</summary>
public sealed class StateRetentionValidator(IOptions<OrderTrackingOptions> orders) : IValidateOptions<StateRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, StateRetentionOptions options) =>
        options.KeepFor < orders.Value.LookBack
            ? ValidateOptionsResult.Fail(
                $"{StateRetentionOptions.SectionName}:KeepFor ({options.KeepFor}) is shorter than {OrderTrackingOptions.SectionName}:LookBack ({orders.Value.LookBack}); keep the state at least as long as the stuck report looks back.")
            : ValidateOptionsResult.Success;
}
