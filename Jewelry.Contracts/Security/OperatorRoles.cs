namespace Jewelry.Contracts.Security;

/// <summary>What a member of staff may do in the CRM and the MES, as the <c>role</c> claim of the operator's access token.</summary>
public static class OperatorRoles
{
    /// <summary>The claim that carries the role in an operator's access token.</summary>
    public const string ClaimType = "role";

    /// <summary>Reads, approves and closes orders, and moves them through production.</summary>
    public const string Operator = "operator";

    /// <summary>Reads only.</summary>
    public const string Viewer = "viewer";

    public static readonly string[] All = [Operator, Viewer];

    /// <summary>The roles that may read.</summary>
    public static readonly string[] Readers = [Operator, Viewer];
}
