using System.Globalization;
using System.Text.Json;

namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>
/// <c>key=value</c>: matches when an attribute has that key and value. The value is typed text, so it is
/// tried as a string, and also as a number or boolean when it reads as one, and as an array element.
/// </summary>
public sealed record AttributeFilter(string Key, string Value)
{
    public static bool TryParse(string text, out AttributeFilter? filter, out string? error)
    {
        filter = null;
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            error = $"'{text}' is not an attribute filter; write key=value, for example order.id=42.";
            return false;
        }

        filter = new AttributeFilter(text[..separator].Trim(), text[(separator + 1)..].Trim());
        error = null;
        return true;
    }

    /// <summary>The jsonb documents that <c>attributes @&gt; candidate</c> should be tried with; any one matching is a match.</summary>
    public IReadOnlyList<string> ContainmentCandidates()
    {
        var candidates = new List<string>
        {
            JsonSerializer.Serialize(new Dictionary<string, object> { [Key] = Value }),
            JsonSerializer.Serialize(new Dictionary<string, object> { [Key] = new[] { Value } }),
        };

        if (long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            candidates.Add(JsonSerializer.Serialize(new Dictionary<string, object> { [Key] = integer }));
        }
        else if (double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            candidates.Add(JsonSerializer.Serialize(new Dictionary<string, object> { [Key] = number }));
        }

        if (bool.TryParse(Value, out var boolean))
        {
            candidates.Add(JsonSerializer.Serialize(new Dictionary<string, object> { [Key] = boolean }));
        }

        return candidates;
    }

    public override string ToString() => $"{Key}={Value}";
}
