using System.Collections.Frozen;
using System.Text.Json;

namespace Jewelry.ServiceDefaults.EntityFramework;

/// <summary>
/// The text form of an enum value as stored and sent over the wire: UPPER_SNAKE_CASE
/// (<c>OrderStatus.FileUploaded</c> ↔ <c>FILE_UPLOADED</c>), the same as
/// <c>JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper)</c> writes.
/// </summary>
public static class EnumText
{
    public static string Format<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Names<TEnum>.ByValue.TryGetValue(value, out var text)
            ? text
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum
        => TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
        => Names<TEnum>.ByText.TryGetValue(text ?? string.Empty, out value);

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>()
            .ToFrozenDictionary(value => value, value => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByText = ByValue
            .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
