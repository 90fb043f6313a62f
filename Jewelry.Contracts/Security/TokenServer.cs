namespace Jewelry.Contracts.Security;

/// <summary>Where the token server lives, for the services that validate its tokens.</summary>
public static class TokenServer
{
    /// <summary>The token server's resource name in the AppHost.</summary>
    public const string ResourceName = "identity";

    /// <summary>
    /// The issuer of every token: the logical address service discovery resolves, so resource servers fetch the
    /// metadata and signing keys from it wherever the token server runs.
    /// </summary>
    public const string Issuer = "https://" + ResourceName + "/";

    public const string TokenPath = "/connect/token";
}
