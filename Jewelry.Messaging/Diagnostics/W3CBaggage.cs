namespace Jewelry.Messaging;

/// <summary>The W3C baggage header format: comma-separated, percent-encoded key=value pairs.</summary>
public static class W3CBaggage
{
    public static string? Format(IEnumerable<KeyValuePair<string, string?>> items)
    {
        var pairs = items
            .Where(item => item.Value is not null)
            .Select(item => $"{Uri.EscapeDataString(item.Key)}={Uri.EscapeDataString(item.Value!)}")
            .ToList();
        return pairs.Count == 0 ? null : string.Join(',', pairs);
    }

    public static IEnumerable<KeyValuePair<string, string>> Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            yield break;
        }

        foreach (var member in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Properties after ';' carry metadata we do not use.
            var pair = member.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return new(Uri.UnescapeDataString(pair[..equals].Trim()), Uri.UnescapeDataString(pair[(equals + 1)..].Trim()));
            }
        }
    }
}
