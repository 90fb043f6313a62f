using System.Text;
using Jewelry.Contracts.Security;
using Jewelry.Tests.Security;

namespace Jewelry.Tests.Corpus;

/// <summary>
/// The token server's endpoint, which no OpenAPI document lists (OAuth 2.0 specifies it, OpenIddict serves it), with
/// the malformed token requests it gets: each must be refused in RFC 6749's error format, and no token issued.
/// </summary>
internal static class TokenEndpointCases
{
    private const string Form = "application/x-www-form-urlencoded";

    private static readonly string s_tenKilobytes = new('x', MalformedRequests.HeaderValueBytes);

    /// <summary>The client-credentials request a partner makes, with one thing wrong at a time.</summary>
    public static IEnumerable<CorpusCase> For(Uri baseAddress, PartnerClient partner)
    {
        var valid = $"grant_type=client_credentials&client_id={partner.ClientId}&client_secret={partner.Secret}&scope={PartnerScopes.OrdersRead}";
        var target = $"POST {TokenServer.TokenPath}";
        foreach (var (problem, body, contentType) in new (string, string, string?)[]
        {
            ("empty body", string.Empty, Form),
            ("no grant_type", $"client_id={partner.ClientId}&client_secret={partner.Secret}", Form),
            ("a grant_type nobody defined", valid.Replace("client_credentials", "sorcery", StringComparison.Ordinal), Form),
            ("a grant_type this server does not offer", valid.Replace("client_credentials", "authorization_code", StringComparison.Ordinal) + "&code=abc&redirect_uri=http%3A%2F%2Flocalhost%2F", Form),
            ("a refresh token out of nowhere", $"grant_type=refresh_token&refresh_token=not-a-token&client_id={partner.ClientId}&client_secret={partner.Secret}", Form),
            ("grant_type twice", valid + "&grant_type=password", Form),
            ("client_id twice", valid + "&client_id=other-seller", Form),
            ("no client_id", $"grant_type=client_credentials&client_secret={partner.Secret}", Form),
            ("an unknown client_id", valid.Replace(partner.ClientId, "nobody-at-all", StringComparison.Ordinal), Form),
            ("no client_secret", $"grant_type=client_credentials&client_id={partner.ClientId}", Form),
            ("a wrong client_secret", valid.Replace(partner.Secret, "wrong-secret", StringComparison.Ordinal), Form),
            ("a scope nobody defined", valid.Replace(PartnerScopes.OrdersRead, "orders:everything", StringComparison.Ordinal), Form),
            ("a 10 KB client_id", valid.Replace(partner.ClientId, s_tenKilobytes, StringComparison.Ordinal), Form),
            ("a 10 KB scope", valid.Replace(PartnerScopes.OrdersRead, s_tenKilobytes, StringComparison.Ordinal), Form),
            ("a 1 MB client_secret", valid.Replace(partner.Secret, new string('s', 1024 * 1024), StringComparison.Ordinal), Form),
            ("scope twice", valid + $"&scope={PartnerScopes.OrdersWrite}", Form),
            ("broken percent-encoding", valid.Replace(PartnerScopes.OrdersRead, "%ZZ%", StringComparison.Ordinal), Form),
            ("the form as JSON", $"{{\"grant_type\":\"client_credentials\",\"client_id\":\"{partner.ClientId}\",\"client_secret\":\"{partner.Secret}\"}}", "application/json"),
            ("the form as text/plain", valid, "text/plain"),
            ("no content type", valid, null),
            ("a 10 KB content type", valid, $"application/{s_tenKilobytes}"),
        })
        {
            yield return Case(target, problem, () => Post(baseAddress, Encoding.UTF8.GetBytes(body), contentType));
        }

        // The operators' password grant through the public console client, one thing wrong at a time.
        var signIn = $"grant_type=password&client_id={OperatorConsole.ClientId}&username={TestOperators.Operator.UserName}&password={TestOperators.Operator.Password}";
        foreach (var (problem, body) in new (string, string)[]
        {
            ("password grant without a username", signIn.Replace($"&username={TestOperators.Operator.UserName}", string.Empty, StringComparison.Ordinal)),
            ("password grant without a password", signIn.Replace($"&password={TestOperators.Operator.Password}", string.Empty, StringComparison.Ordinal)),
            ("password grant with a wrong password", signIn.Replace(TestOperators.Operator.Password, "wrong-password", StringComparison.Ordinal)),
            ("password grant for a user nobody defined", signIn.Replace(TestOperators.Operator.UserName, "nobody-at-all", StringComparison.Ordinal)),
            ("password grant with a 10 KB username", signIn.Replace(TestOperators.Operator.UserName, s_tenKilobytes, StringComparison.Ordinal)),
            ("password grant with username twice", signIn + "&username=demo-viewer"),
            ("password grant for a partner's client", signIn.Replace(OperatorConsole.ClientId, partner.ClientId, StringComparison.Ordinal) + $"&client_secret={partner.Secret}"),
        })
        {
            yield return Case(target, problem, () => Post(baseAddress, Encoding.UTF8.GetBytes(body), Form));
        }

        yield return Case(target, "non-UTF-8 bytes in a value", () =>
            Post(baseAddress, [.. Encoding.UTF8.GetBytes($"grant_type=client_credentials&client_id={partner.ClientId}&client_secret="), 0xFF, 0xFE], Form));
        yield return Case(target, "an Authorization header that is not Basic base64", () =>
            Post(baseAddress, Encoding.UTF8.GetBytes("grant_type=client_credentials"), Form, authorization: "Basic ***not base64***"));
        yield return Case(target, "credentials both in the header and in the body", () =>
            Post(baseAddress, Encoding.UTF8.GetBytes(valid), Form, authorization: "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{partner.ClientId}:{partner.Secret}"))));
        yield return Case(target, "a 10 KB Authorization header", () =>
            Post(baseAddress, Encoding.UTF8.GetBytes("grant_type=client_credentials"), Form, authorization: "Basic " + s_tenKilobytes));
        yield return Case($"GET {TokenServer.TokenPath}", "a token request by GET", () =>
            new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"{TokenServer.TokenPath}?{valid}")));

        yield return new CorpusCase("GET /connect/authorize", "an endpoint this server does not have", CorpusExpectation.NotFound, () =>
            new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "/connect/authorize?response_type=code&client_id=demo-seller")));
    }

    private static CorpusCase Case(string target, string problem, Func<HttpRequestMessage> build) =>
        new(target, problem, CorpusExpectation.ClientError, build, Protocol: CorpusProtocol.OAuthError);

    private static HttpRequestMessage Post(Uri baseAddress, byte[] body, string? contentType, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, TokenServer.TokenPath)) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
