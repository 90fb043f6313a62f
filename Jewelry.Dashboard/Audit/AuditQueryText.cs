using System.Text;

namespace Jewelry.Dashboard.Audit;

/// <summary>The query string as the audit log keeps it: secrets masked (the login link's token), length bounded.</summary>
public static class AuditQueryText
{
    public const int MaxLength = 2000;
    public const string Mask = "***";

    private static readonly HashSet<string> _secretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "t", "token", "password", "apikey", "api_key", "x-otlp-api-key",
    };

    public static string From(QueryString query)
    {
        if (!query.HasValue || query.Value is not { Length: > 1 } text)
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length).Append('?');
        var first = true;
        foreach (var pair in text[1..].Split('&'))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            if (!first)
            {
                result.Append('&');
            }

            first = false;
            result.Append(separator >= 0 && _secretNames.Contains(Uri.UnescapeDataString(name)) ? $"{name}={Mask}" : pair);
        }

        return Truncate(result.ToString());
    }

    public static string Truncate(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
