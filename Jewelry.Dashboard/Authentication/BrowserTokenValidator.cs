using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

public sealed class BrowserTokenValidator(IOptions<FrontendOptions> options)
{
    public bool IsValid(string? token)
    {
        var expected = options.Value.BrowserToken;
        return !string.IsNullOrEmpty(token)
            && !string.IsNullOrEmpty(expected)
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(token)),
                SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
