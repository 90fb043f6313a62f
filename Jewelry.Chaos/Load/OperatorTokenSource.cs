using System.Net;
using System.Text.Json;
using Jewelry.Contracts.Security;

namespace Jewelry.Chaos.Load;

/// <summary>
/// The demo operator's access token (password grant through the operator console), kept until it nearly expires or
/// until an API refuses it: a token server that was killed comes back with new keys and refuses the old tokens.
/// </summary>
public sealed class OperatorTokenSource(HttpClient identity, string userName, string password) : IDisposable
{
    public const string DemoOperator = "demo-operator";
    public const string DemoOperatorPassword = "demo-operator-3c81f5";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTime _renewAt;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is { } kept && DateTime.UtcNow < _renewAt)
        {
            return kept;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && DateTime.UtcNow < _renewAt)
            {
                return fresh;
            }

            using var response = await identity.PostAsync(TokenServer.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = OperatorConsole.ClientId,
                ["username"] = userName,
                ["password"] = password,
            }), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"The token server answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
            }

            using var json = JsonDocument.Parse(body);
            _token = json.RootElement.GetProperty("access_token").GetString();
            _renewAt = DateTime.UtcNow + TimeSpan.FromSeconds(json.RootElement.GetProperty("expires_in").GetInt32()) - TimeSpan.FromMinutes(1);
            return _token!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Drops <paramref name="refused"/>, so the next call signs in again; another caller's newer token stays.</summary>
    public void Refused(string refused)
    {
        if (_token == refused)
        {
            _token = null;
        }
    }
}
