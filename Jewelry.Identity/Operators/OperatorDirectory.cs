using Microsoft.Extensions.Options;

namespace Jewelry.Identity.Operators;

/// <summary>Finds the operator a user name and password belong to.</summary>
public sealed class OperatorDirectory(IOptionsMonitor<OperatorsOptions> options)
{
    public OperatorAccount? SignIn(string? userName, string? password)
    {
        var account = options.CurrentValue.Operators.FirstOrDefault(o => string.Equals(o.UserName, userName?.Trim(), StringComparison.OrdinalIgnoreCase));
        return OperatorPasswords.Verify(account, password ?? "") ? account : null;
    }
}
