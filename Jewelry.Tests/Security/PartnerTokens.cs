using System.Collections.Concurrent;

namespace Jewelry.Tests.Security;

/// <summary>Gets client-credentials access tokens from the token server as a partner would, and keeps one per client and scopes.</summary>
public sealed class PartnerTokens(HttpClient identity)
{
    private readonly TokenServerClient _server = new(identity);
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
    public async Task<string> RequestNewAsync(PartnerClient client, string scopes) =>
        (await _server.RequestAsync(Form(client.ClientId, client.Secret, scopes), client.ToString())).AccessToken;

    /// <summary>One token request, as sent, for tests of the token endpoint itself.</summary>
    public Task<HttpResponseMessage> SendAsync(string clientId, string secret, string scopes) => _server.SendAsync(Form(clientId, secret, scopes));

    private static Dictionary<string, string> Form(string clientId, string secret, string scopes) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = scopes,
    };
}
