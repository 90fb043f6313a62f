using System.Text.Json;

namespace Jewelry.Dashboard.Orders;

/// <summary>An attribute as text: strings as they are, booleans as <c>true</c>/<c>false</c>, numbers as JSON writes them.</summary>
public static class AttributeText
{
    public static string? Read(JsonElement attributes, string key) =>
        attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;
}
