namespace Jewelry.Dashboard.Authentication;

/// <summary>How a session was opened, kept in the session so it can be checked against the configuration later.</summary>
public static class SignInMethod
{
    public const string ClaimType = "jewelry:sign-in";
    public const string Password = "password";
    public const string BrowserToken = "browser-token";
    public const string Unsecured = "unsecured";
}
