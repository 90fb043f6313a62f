using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Jewelry.MesApi.Domain;

/// <summary>A carrier's tracking number: 1–64 letters, digits and hyphens.</summary>
public static partial class TrackingNumbers
{
    public const int MaxLength = 64;

    public const string Rule = "1–64 characters: letters A–Z, digits and hyphens";

    public static bool IsValid([NotNullWhen(true)] string? trackingNumber) =>
        trackingNumber is not null && Pattern().IsMatch(trackingNumber);

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
