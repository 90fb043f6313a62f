using System.Text;

namespace Jewelry.Dashboard.Otlp.Decoding;

/// <summary>
/// PostgreSQL text and jsonb cannot hold NUL characters, and UTF-8 cannot hold lone surrogates (a JSON body
/// can smuggle both in as escapes). Both become U+FFFD so one odd attribute cannot fail a whole batch.
/// </summary>
internal static class PostgresText
{
    public static string Sanitize(string value)
    {
        if (!NeedsRepair(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                builder.Append('\uFFFD');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string? SanitizeOrNull(string value) => value.Length == 0 ? null : Sanitize(value);

    private static bool NeedsRepair(string value)
    {
        foreach (var c in value)
        {
            if (c == '\0' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
