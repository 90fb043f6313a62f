namespace Jewelry.Dashboard.Authentication;

/// <summary>One entry of <c>Dashboard:Users</c>.</summary>
public sealed class ConfiguredUser
{
    public string? Name { get; set; }

    /// <summary>support, developer or admin.</summary>
    public string? Role { get; set; }

    /// <summary>From <c>dotnet Jewelry.Dashboard.dll hash-password</c>; never the password itself.</summary>
    public string? PasswordHash { get; set; }
}
