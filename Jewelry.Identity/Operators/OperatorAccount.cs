namespace Jewelry.Identity.Operators;

/// <summary>One member of staff: <c>Identity:Operators:{n}:Id|UserName|PasswordHash|Role</c>.</summary>
public sealed class OperatorAccount
{
    /// <summary>The opaque id the access token names as its subject and the services put on spans as <c>user.id</c>; never a name or an e-mail.</summary>
    public string Id { get; set; } = "";

    /// <summary>What the operator types to sign in; it never leaves the token server.</summary>
    public string UserName { get; set; } = "";

    /// <summary>From <c>dotnet Jewelry.Identity.dll hash-password</c> (ASP.NET Core Identity's PBKDF2 format); never the password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>operator</c> or <c>viewer</c>.</summary>
    public string Role { get; set; } = "";
}
