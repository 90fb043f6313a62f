using System.Security.Cryptography;
using System.Text;

namespace Jewelry.Dashboard.Alerts;

/// <summary>An alert's identity: 16 hex digits of a hash of its sorted labels, as Alertmanager's fingerprints look.</summary>
public static class AlertFingerprint
{
    public static string Of(IReadOnlyDictionary<string, string> labels)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in labels.OrderBy(label => label.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\u00ff').Append(value).Append('\u00ff');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }
}
