namespace Jewelry.Tests.Security;

/// <summary>An operator's sign-in and the opaque id its tokens name; its text never shows the password.</summary>
public sealed record OperatorAccount(string UserName, string Password, string Id)
{
    public override string ToString() => UserName;
}
