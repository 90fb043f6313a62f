using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Serialization;

namespace Jewelry.Tests.Security;

/// <summary>
/// Gets client-credentials access tokens from the token server as a partner would, and keeps one per client and
/// scopes. The token endpoint is rate-limited per address and every test calls from the same one, so a 429 (after a
/// test flooded it) is waited out as its <c>Retry-After</c> says.
/// </summary>
public sealed class PartnerTokens(HttpClient identity)
{
    private static readonly TimeSpan s_within = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public async Task<string> OfAsync(PartnerClient client, string scopes = "orders:write orders:read")
    {
        var key = $"{client.ClientId} {scopes}";
        if (_tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var token = await RequestNewAsync(client, scopes);
        _tokens[key] = token;
        return token;
    }

    /// <summary>A token of its own, not kept (e.g. one that is to expire).</summary>
    public async Task<string> RequestNewAsync(PartnerClient client, string scopes)
    {
        var deadline = DateTime.UtcNow + s_within;
        while (true)
        {
            using var response = await SendAsync(client.ClientId, client.Secret, scopes);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"No token for {client}: {(int)response.StatusCode} {body}");
            var answer = System.Text.Json.JsonSerializer.Deserialize<TokenAnswer>(body)!;
            Assert.Equal("Bearer", answer.TokenType);
            return answer.AccessToken;
        }
    }

    /// <summary>One token request, as sent, for tests of the token endpoint itself.</summary>
    public Task<HttpResponseMessage> SendAsync(string clientId, string secret, string scopes) =>
        identity.PostAsync(Jewelry.Contracts.Security.TokenServer.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scopes,
        }), TestContext.Current.CancellationToken);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType);
}
