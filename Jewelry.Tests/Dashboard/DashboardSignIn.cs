using System.Net;
using System.Net.Http.Json;

namespace Jewelry.Tests.Dashboard;

/// <summary>Signs in through <c>POST /api/login</c> and hands back a client that carries the session cookie.</summary>
public static class DashboardSignIn
{
    /// <summary>
    /// A client with <see cref="HttpClient.BaseAddress"/> = <paramref name="frontendUrl"/>, its own cookies and no
    /// automatic redirects, signed in as <paramref name="userName"/>. Throws with the dashboard's answer when refused.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(Uri frontendUrl, string userName, string password, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = frontendUrl,
        };
        try
        {
            using var response = await client.PostAsJsonAsync("/api/login", new { userName, password }, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new InvalidOperationException($"Signing in as '{userName}' answered {(int)response.StatusCode}: {body}");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
