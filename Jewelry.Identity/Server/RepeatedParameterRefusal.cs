using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jewelry.Identity.Server;

/// <summary>
/// Refuses a token request that repeats a parameter. RFC 6749 (section 3.2) says parameters must not be included
/// more than once; OpenIddict reads a repeated <c>scope</c> as its first value and would issue a token for it.
/// </summary>
public sealed class RepeatedParameterRefusal : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<RepeatedParameterRefusal>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, value) in context.Request.GetParameters())
        {
            if (value.Count > 1)
            {
                context.Reject(Errors.InvalidRequest, $"The '{name}' parameter is given {value.Count} times; a token request names each parameter once.");
                break;
            }
        }

        return ValueTask.CompletedTask;
    }
}
