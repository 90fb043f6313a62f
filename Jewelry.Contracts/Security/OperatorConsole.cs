namespace Jewelry.Contracts.Security;

/// <summary>
/// The client operators sign in through: a public client (no secret, the operator's password is the proof) that may
/// use only the password grant, and whose tokens are for <see cref="TokenAudiences.Operators"/>.
/// </summary>
public static class OperatorConsole
{
    public const string ClientId = "operator-console";
}
