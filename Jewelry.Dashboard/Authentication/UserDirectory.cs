using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

/// <summary>The configured users, and the password check.</summary>
public sealed class UserDirectory
{
    private readonly Dictionary<string, DashboardUser> _users;

    // Unknown names are checked against this, as costly as the costliest real hash, so a wrong name takes as
    // long to refuse as a wrong password and the answer time does not tell whether a user exists.
    private readonly PasswordHash _decoy;

    public UserDirectory(IOptions<DashboardUsersOptions> options)
    {
        _users = new Dictionary<string, DashboardUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in options.Value.Users)
        {
            if (PasswordHash.TryParse(user.PasswordHash, out var hash, out _) && DashboardRoles.Normalize(user.Role) is { } role
                && !string.IsNullOrWhiteSpace(user.Name))
            {
                _users[user.Name.Trim()] = new DashboardUser(user.Name.Trim(), role, hash);
            }
        }

        var iterations = _users.Values.Select(u => u.PasswordHash.Iterations).DefaultIfEmpty(PasswordHasher.DefaultIterations).Max();
        _decoy = PasswordHasher.Hash(Guid.NewGuid().ToString("N"), iterations);
    }

    public DashboardUser? Find(string? name) =>
        name is not null && _users.TryGetValue(name.Trim(), out var user) ? user : null;

    /// <summary>The user when the password matches, else null; the same work is done whether or not the name exists.</summary>
    public DashboardUser? Authenticate(string userName, string password)
    {
        var user = Find(userName);
        var matches = PasswordHasher.Verify(password, user?.PasswordHash ?? _decoy);
        return matches ? user : null;
    }
}
