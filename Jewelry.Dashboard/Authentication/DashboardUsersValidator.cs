using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// Refuses to start with a user list that would lock people out or let them in with the wrong role, and, outside
/// Development, with the demo users whose passwords are published (<see cref="PublishedDemoUsers"/>).
/// </summary>
public sealed class DashboardUsersValidator(IHostEnvironment environment) : IValidateOptions<DashboardUsersOptions>
{
    private static readonly string[] _reservedNames = [DashboardPrincipal.OperatorName, DashboardPrincipal.AnonymousName];

    public ValidateOptionsResult Validate(string? name, DashboardUsersOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var where = $"{DashboardUsersOptions.SectionName}:{i}";
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"{where} has no Name.");
            }
            else
            {
                where += $" ('{user.Name.Trim()}')";
                if (!seen.Add(user.Name.Trim()))
                {
                    failures.Add($"{where}: the name is used by more than one user (names are compared ignoring case).");
                }

                if (_reservedNames.Contains(user.Name.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"{where}: the name is reserved for the browser-token and unsecured sessions; choose another.");
                }
            }

            if (DashboardRoles.Normalize(user.Role) is null)
            {
                failures.Add(string.IsNullOrWhiteSpace(user.Role)
                    ? $"{where} has no Role; use one of {string.Join(", ", DashboardRoles.All)}."
                    : $"{where}: '{user.Role}' is not a role; use one of {string.Join(", ", DashboardRoles.All)}.");
            }

            if (string.IsNullOrWhiteSpace(user.PasswordHash))
            {
                failures.Add($"{where} has no PasswordHash; create one with 'dotnet Jewelry.Dashboard.dll hash-password'.");
            }
            else if (!PasswordHash.TryParse(user.PasswordHash, out _, out var error))
            {
                failures.Add($"{where}: the PasswordHash is malformed: {error}. Create one with 'dotnet Jewelry.Dashboard.dll hash-password'.");
            }
            else if (!environment.IsDevelopment() && PublishedDemoUsers.HasPublishedPassword(user))
            {
                failures.Add(
                    $"{where} is a demo user whose password is published, allowed in Development only (this is {environment.EnvironmentName}): "
                    + $"set {DashboardUsersOptions.SectionName}:{i}:PasswordHash to a hash of a password of your own ('dotnet Jewelry.Dashboard.dll hash-password').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
