namespace Jewelry.Dashboard.Authentication;

public enum FrontendAuthMode
{
    BrowserToken,
    Unsecured,
}
