using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Security;
using Microsoft.Extensions.Options;

namespace Jewelry.Identity.Operators;

/// <summary>Refuses to start with an operator list that would put a name on spans or let someone in with no role.</summary>
public sealed class OperatorRules : IValidateOptions<OperatorsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorsOptions options)
    {
        var failures = options.Operators.SelectMany((account, i) => Check(account, $"{OperatorsOptions.SectionName}:Operators:{i}")).ToList();
        if (options.Operators.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count() != options.Operators.Count)
        {
            failures.Add("Identity:Operators has the same Id more than once.");
        }

        if (options.Operators.Select(o => o.UserName).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Operators.Count)
        {
            failures.Add("Identity:Operators has the same UserName more than once (compared ignoring case).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> Check(OperatorAccount account, string where)
    {
        if (string.IsNullOrWhiteSpace(account.UserName))
        {
            yield return $"{where} has no UserName.";
        }

        if (!OpaqueIds.IsValid(account.Id) || string.Equals(account.Id, account.UserName, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{where}: Id must be {OpaqueIds.Rule}, and not the user name: it is the token's subject and the user.id on spans.";
        }

        if (!OperatorRoles.All.Contains(account.Role, StringComparer.Ordinal))
        {
            yield return $"{where}: '{account.Role}' is not a role; use one of {string.Join(", ", OperatorRoles.All)}.";
        }

        if (!OperatorPasswords.IsHash(account.PasswordHash))
        {
            yield return $"{where}: PasswordHash is not a password hash; create one with 'dotnet Jewelry.Identity.dll hash-password'.";
        }
    }
}
