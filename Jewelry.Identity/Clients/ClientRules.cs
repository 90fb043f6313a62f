using Jewelry.Contracts.Security;

namespace Jewelry.Identity.Clients;

/// <summary>What a configured client must have before it is stored.</summary>
public static class ClientRules
{
    public const int MinSecretLength = 16;

    public static IEnumerable<string> Check(ClientOptions client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            yield return "A client has no ClientId.";
            yield break;
        }

        if (client.ClientId == OperatorConsole.ClientId)
        {
            yield return $"Client {client.ClientId}: the id is the operator console's, which the token server adds itself.";
        }

        if (client.Secret.Length < MinSecretLength)
        {
            yield return $"Client {client.ClientId}: the secret must have at least {MinSecretLength} characters.";
        }

        if (string.IsNullOrWhiteSpace(client.Audience))
        {
            yield return $"Client {client.ClientId}: no Audience.";
        }

        foreach (var scope in client.Scopes.Where(s => !PartnerScopes.All.Contains(s, StringComparer.Ordinal)))
        {
            yield return $"Client {client.ClientId}: unknown scope '{scope}' (known: {string.Join(", ", PartnerScopes.All)}).";
        }
    }

    public static IReadOnlyList<string> CheckAll(IReadOnlyList<ClientOptions> clients)
    {
        var problems = clients.SelectMany(Check).ToList();
        if (clients.Select(c => c.ClientId).Distinct(StringComparer.Ordinal).Count() != clients.Count)
        {
            problems.Add("Identity:Clients has the same ClientId more than once.");
        }

        return problems;
    }
}
