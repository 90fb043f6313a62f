namespace Jewelry.Dashboard.Authentication;

/// <summary>A configured user, validated: a canonical role and a parsed password hash.</summary>
public sealed record DashboardUser(string Name, string Role, PasswordHash PasswordHash);
