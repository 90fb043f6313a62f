namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>Colours an HTTP status so a refused request (4xx) and a failure (5xx) stand out from a success.</summary>
public static class HttpStatusBadge
{
    public static string CssClass(int statusCode) => statusCode switch
    {
        >= 500 => "badge-error",
        >= 400 => "badge-warn",
        _ => "badge-ok",
    };
}
