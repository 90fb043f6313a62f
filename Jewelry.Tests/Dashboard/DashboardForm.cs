using System.Text.RegularExpressions;

namespace Jewelry.Tests.Dashboard;

/// <summary>Posts a dashboard page's form as a browser does: with the antiforgery token the page rendered.</summary>
internal static partial class DashboardForm
{
    /// <summary>Opens <paramref name="pagePath"/> and posts <paramref name="fields"/> to <paramref name="action"/>; the client must keep cookies.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, string action, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(pagePath, TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, $"{pagePath} renders a form with an antiforgery token:{Environment.NewLine}{form}");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
