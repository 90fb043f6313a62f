namespace Jewelry.Contracts.Security;

/// <summary>The <c>aud</c> of the access tokens the token server issues, one per kind of API.</summary>
public static class TokenAudiences
{
    /// <summary>The partner API: the gateway and the MES seller routes behind it.</summary>
    public const string Partners = "jewelry-partners";

    /// <summary>The staff API: the CRM's and the MES's operator routes.</summary>
    public const string Operators = "jewelry-operators";
}
