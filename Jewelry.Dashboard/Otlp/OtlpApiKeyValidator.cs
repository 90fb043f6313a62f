using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Otlp;

/// <summary>Checks the <c>x-otlp-api-key</c> header in constant time.</summary>
public sealed class OtlpApiKeyValidator(IOptions<OtlpOptions> options)
{
    private readonly OtlpOptions _options = options.Value;

    public bool IsAuthorized(HttpRequest request)
    {
        if (_options.AuthMode != OtlpAuthMode.ApiKey)
        {
            return true;
        }

        var presented = request.Headers[OtlpOptions.ApiKeyHeaderName].ToString();
        return presented.Length > 0 && (Matches(presented, _options.PrimaryApiKey) || Matches(presented, _options.SecondaryApiKey));
    }

    private static bool Matches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
