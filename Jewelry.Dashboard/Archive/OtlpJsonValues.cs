using System.Globalization;
using System.Text.Json;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Writes stored values back as OTLP JSON: a flat <c>jsonb</c> attribute object becomes a list of <c>KeyValue</c>s with
/// typed <c>AnyValue</c>s (whole numbers as <c>intValue</c>), ids become lower-case hex, nanoseconds strings.
/// Read back through the OTLP/JSON decoder, they are stored as they were.
/// </summary>
internal static class OtlpJsonValues
{
    public static void WriteAttributes(Utf8JsonWriter writer, string propertyName, string? attributesJson)
    {
        writer.WriteStartArray(propertyName);
        if (attributesJson is not null)
        {
            using var document = JsonDocument.Parse(attributesJson);
            WriteKeyValues(writer, document.RootElement);
        }

        writer.WriteEndArray();
    }

    public static void WriteAttributes(Utf8JsonWriter writer, string propertyName, JsonElement attributes)
    {
        writer.WriteStartArray(propertyName);
        if (attributes.ValueKind == JsonValueKind.Object)
        {
            WriteKeyValues(writer, attributes);
        }

        writer.WriteEndArray();
    }

    public static void WriteId(Utf8JsonWriter writer, string propertyName, byte[]? id)
    {
        if (id is { Length: > 0 })
        {
            writer.WriteString(propertyName, Convert.ToHexStringLower(id));
        }
    }

    public static void WriteNanos(Utf8JsonWriter writer, string propertyName, long nanos) =>
        writer.WriteString(propertyName, nanos.ToString(CultureInfo.InvariantCulture));

    public static void WriteOptional(Utf8JsonWriter writer, string propertyName, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(propertyName, value);
        }
    }

    public static void WriteOptional(Utf8JsonWriter writer, string propertyName, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(propertyName, value);
        }
    }

    private static void WriteKeyValues(Utf8JsonWriter writer, JsonElement attributes)
    {
        foreach (var property in attributes.EnumerateObject())
        {
            writer.WriteStartObject();
            writer.WriteString("key", property.Name);
            writer.WritePropertyName("value");
            WriteAnyValue(writer, property.Value);
            writer.WriteEndObject();
        }
    }

    private static void WriteAnyValue(Utf8JsonWriter writer, JsonElement value)
    {
        writer.WriteStartObject();
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteString("stringValue", value.GetString());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBoolean("boolValue", value.GetBoolean());
                break;
            case JsonValueKind.Number when value.TryGetInt64(out var whole):
                writer.WriteString("intValue", whole.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Number:
                writer.WriteNumber("doubleValue", value.GetDouble());
                break;
            case JsonValueKind.Array:
                writer.WriteStartObject("arrayValue");
                writer.WriteStartArray("values");
                foreach (var item in value.EnumerateArray())
                {
                    WriteAnyValue(writer, item);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject("kvlistValue");
                writer.WriteStartArray("values");
                WriteKeyValues(writer, value);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }
}
