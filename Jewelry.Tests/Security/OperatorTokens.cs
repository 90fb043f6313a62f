using System.Collections.Concurrent;
using Jewelry.Contracts.Security;

namespace Jewelry.Tests.Security;

/// <summary>
/// Operator access tokens (password grant through the operator console), one per operator, renewed a minute before
/// it expires: a fixture's stack can outlive a token.
/// </summary>
public sealed class OperatorTokens(HttpClient identity)
{
    private static readonly TimeSpan s_renewBefore = TimeSpan.FromMinutes(1);

    private readonly TokenServerClient _server = new(identity);
    private readonly ConcurrentDictionary<string, (string Token, DateTime RenewAt)> _tokens = new(StringComparer.Ordinal);

    /// <summary>Two callers at once may both ask for a token; either is good.</summary>
    public async Task<string> OfAsync(OperatorAccount account)
    {
        if (_tokens.TryGetValue(account.UserName, out var kept) && DateTime.UtcNow < kept.RenewAt)
        {
            return kept.Token;
        }

        var answer = await _server.RequestAsync(Form(account.UserName, account.Password), account.ToString());
        _tokens[account.UserName] = (answer.AccessToken, DateTime.UtcNow + TimeSpan.FromSeconds(answer.ExpiresIn) - s_renewBefore);
        return answer.AccessToken;
    }

    /// <summary>One sign-in, as sent, for tests of the token endpoint itself.</summary>
    public Task<HttpResponseMessage> SendAsync(string userName, string password) => _server.SendAsync(Form(userName, password));

    private static Dictionary<string, string> Form(string userName, string password) => new()
    {
        ["grant_type"] = "password",
        ["client_id"] = OperatorConsole.ClientId,
        ["username"] = userName,
        ["password"] = password,
    };
}
