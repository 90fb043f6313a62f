using System.Text.RegularExpressions;

namespace Jewelry.Contracts.Orders;

/// <summary>
/// Customer and operator ids: opaque tokens of 1–64 characters from [A-Za-z0-9._-]. The rule keeps
/// names and e-mail addresses (which contain spaces or '@') out of the database and telemetry.
/// </summary>
public static partial class OpaqueIds
{
    public const int MaxLength = 64;

    public const string Rule = "1–64 characters from A–Z, a–z, 0–9, '.', '_' and '-' (an opaque id, never a name or an e-mail address)";

    public static bool IsValid(string? value)
        => value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
