namespace Jewelry.Dashboard.Authentication;

/// <summary><c>Dashboard:Frontend</c>, named as in the Aspire dashboard.</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Dashboard:Frontend";

    public FrontendAuthMode AuthMode { get; set; } = FrontendAuthMode.BrowserToken;

    /// <summary>The one-time token of <c>/login?t=TOKEN</c>. Generated (and logged with the login URL) when unset.</summary>
    public string? BrowserToken { get; set; }
}
