using System.Net;
using System.Text.Json.Serialization;
using Jewelry.Contracts.Security;

namespace Jewelry.Tests.Security;

/// <summary>
/// Asks the token server for access tokens. The token endpoint is rate-limited per address and every test calls
/// from the same one, so a 429 (after a test flooded it) is waited out as its <c>Retry-After</c> says.
/// </summary>
public sealed class TokenServerClient(HttpClient identity)
{
    private static readonly TimeSpan s_within = TimeSpan.FromSeconds(60);

    public async Task<TokenAnswer> RequestAsync(IReadOnlyDictionary<string, string> form, string who)
    {
        var deadline = DateTime.UtcNow + s_within;
        while (true)
        {
            using var response = await SendAsync(form);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"No token for {who}: {(int)response.StatusCode} {body}");
            var answer = System.Text.Json.JsonSerializer.Deserialize<TokenAnswer>(body)!;
            Assert.Equal("Bearer", answer.TokenType);
            return answer;
        }
    }

    /// <summary>One token request, as sent, for tests of the token endpoint itself.</summary>
    public Task<HttpResponseMessage> SendAsync(IReadOnlyDictionary<string, string> form) =>
        identity.PostAsync(TokenServer.TokenPath, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

    public sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
