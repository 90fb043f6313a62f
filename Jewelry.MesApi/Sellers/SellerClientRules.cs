using System.Text.RegularExpressions;

namespace Jewelry.MesApi.Sellers;

/// <summary>What a configured seller must look like; a bad entry stops the service at startup.</summary>
public static partial class SellerClientRules
{
    public const int MinimumSecretLength = 24;
    public const int MaximumSecretLength = 256;

    /// <summary>The problems with one configured seller, naming it by position only: its values may be secret.</summary>
    public static IEnumerable<string> Check(SellerClientOptions client, int index)
    {
        if (!ClientIdPattern().IsMatch(client.ClientId))
        {
            yield return $"Sellers:Clients:{index}:ClientId must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.";
        }

        if (client.Secret.Length is < MinimumSecretLength or > MaximumSecretLength)
        {
            yield return $"Sellers:Clients:{index}:Secret must be {MinimumSecretLength}–{MaximumSecretLength} characters long.";
        }

        if (string.IsNullOrWhiteSpace(client.Name) || client.Name.Length > 200)
        {
            yield return $"Sellers:Clients:{index}:Name must be 1–200 characters long.";
        }
    }

    // Also a path segment of the seller's model keys, so nothing that could escape it.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
