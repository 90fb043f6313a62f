using System.Globalization;
using System.Text.Json;

namespace Jewelry.Dashboard.Pages.Presentation;

public static class AttributeFormatting
{
    public static IEnumerable<(string Key, string Value)> Entries(JsonElement? attributes) =>
        attributes is { ValueKind: JsonValueKind.Object } element
            ? element.EnumerateObject().Select(p => (p.Name, Format(p.Value))).OrderBy(p => p.Name, StringComparer.Ordinal)
            : [];

    public static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string ShortId(string id) => id.Length > 7 ? id[..7] : id;
}
