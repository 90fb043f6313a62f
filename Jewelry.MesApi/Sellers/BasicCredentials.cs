using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;

namespace Jewelry.MesApi.Sellers;

/// <summary>An HTTP Basic <c>Authorization</c> header: the seller's client id and client secret.</summary>
public sealed record BasicCredentials(string ClientId, string Secret)
{
    // Generous for a 64-character id and a 256-character secret; anything longer is not ours to decode.
    private const int MaxHeaderLength = 1024;

    public static bool TryParse(string? authorization, [NotNullWhen(true)] out BasicCredentials? credentials)
    {
        credentials = null;
        if (authorization is null
            || authorization.Length > MaxHeaderLength
            || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                .GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        credentials = new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }

    /// <summary>Never the secret.</summary>
    public override string ToString() => $"BasicCredentials {{ ClientId = {ClientId} }}";
}
