using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>A status name that may wrap after its underscores, never in the middle of a word: MANUFACTURING_/STARTED.</summary>
public static class StatusNames
{
    public static IHtmlContent Breakable(string status) =>
        new HtmlString(HtmlEncoder.Default.Encode(status).Replace("_", "_<wbr>", StringComparison.Ordinal));
}
