using System.Text.RegularExpressions;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// The rules that keep personal data and secrets out of telemetry: attributes whose key names such data
/// are dropped, values that look like e-mail addresses, phone numbers, card numbers or credentials are
/// masked, and secret query-string parameters lose their values.
/// </summary>
public static partial class TelemetryRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>
    /// Attribute keys that are dropped (case-insensitive). Written once: the services apply it, and the collector in
    /// <c>deploy/</c> applies it again as a second line of defence (its tests compare the two).
    /// Keys such as customer.email, user.full_name, http.request.header.authorization, db.password.
    /// service.name or messaging.destination.name stay: only names of people are matched.
    /// </summary>
    public const string SensitiveKeyPattern = @"(email|e_mail|phone|mobile|password|passwd|secret|token|authorization|cookie|api[_-]?key|credential|(^|[._])(customer|user|person|enduser|client|recipient)[._](name|full_name|first_name|last_name|address)$|(^|[._])(first|last|full)_?name$|(^|[._])notes?$|street|postal|birth)";

    private static readonly HashSet<string> s_secretQueryParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "token", "access_token", "refresh_token", "id_token", "code", "password", "pwd", "secret", "client_secret",
        "api_key", "apikey", "key", "signature", "sig", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "t",
    };

    /// <summary>True when an attribute with this key must not be exported at all.</summary>
    public static bool IsSensitiveKey(string key) => SensitiveKey().IsMatch(key);

    /// <summary>Masks anything in <paramref name="value"/> that looks like personal data or a credential.</summary>
    public static string MaskValue(string value)
    {
        if (value.Length < 6)
        {
            return value;
        }

        var masked = Credential().Replace(value, match => match.Groups["scheme"].Value + " " + Mask);
        masked = Email().Replace(masked, Mask);
        masked = CardNumber().Replace(masked, match => PassesLuhn(match.Value) ? Mask : match.Value);
        masked = Phone().Replace(masked, Mask);
        return StripSecretQuery(masked);
    }

    /// <summary>Replaces the values of secret parameters in any query string inside <paramref name="text"/>.</summary>
    public static string StripSecretQuery(string text) =>
        text.Contains('?', StringComparison.Ordinal) || text.Contains('&', StringComparison.Ordinal)
            ? QueryParameter().Replace(text, match =>
                s_secretQueryParameters.Contains(match.Groups["name"].Value)
                    ? $"{match.Groups["lead"].Value}{match.Groups["name"].Value}={Mask}"
                    : match.Value)
            : text;

    private static bool PassesLuhn(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(SensitiveKeyPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensitiveKey();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // International numbers (+7 912 345-67-89) and grouped local ones ((495) 123-45-67, 912 345 6789);
    // the look-arounds keep GUIDs, timestamps and plain ids intact.
    [GeneratedRegex(@"(?<![\w-])(\+\d[\d\s().-]{8,}\d|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{2,4}([\s.-]\d{2})?)(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"(?<scheme>Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    [GeneratedRegex(@"(?<lead>[?&])(?<name>[^=&#\s]+)=(?<value>[^&#\s]*)", RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameter();
}
