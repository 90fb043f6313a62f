using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf.Collections;
using Jewelry.Dashboard.Otlp.Proto.Common;

namespace Jewelry.Dashboard.Otlp.Decoding;

/// <summary>
/// Writes OTLP attributes as one flat JSON object with natural JSON values (string, number, bool, array,
/// object), the form stored in jsonb and matched with <c>@&gt;</c>. Bytes become base64 strings; NaN and
/// infinities, which JSON cannot hold, become strings.
/// </summary>
internal static class AttributeJson
{
    public const string Empty = "{}";

    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static string Write(RepeatedField<KeyValue> attributes)
    {
        if (attributes.Count == 0)
        {
            return Empty;
        }

        return Write(writer => WriteObject(writer, attributes));
    }

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteObject(Utf8JsonWriter writer, RepeatedField<KeyValue> attributes)
    {
        writer.WriteStartObject();
        foreach (var attribute in attributes)
        {
            writer.WritePropertyName(PostgresText.Sanitize(attribute.Key));
            WriteValue(writer, attribute.Value);
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, AnyValue? value)
    {
        switch (value?.ValueCase ?? AnyValue.ValueOneofCase.None)
        {
            case AnyValue.ValueOneofCase.StringValue:
                writer.WriteStringValue(PostgresText.Sanitize(value!.StringValue));
                break;
            case AnyValue.ValueOneofCase.BoolValue:
                writer.WriteBooleanValue(value!.BoolValue);
                break;
            case AnyValue.ValueOneofCase.IntValue:
                writer.WriteNumberValue(value!.IntValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue when double.IsFinite(value!.DoubleValue):
                writer.WriteNumberValue(value.DoubleValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue:
                writer.WriteStringValue(value!.DoubleValue.ToString(CultureInfo.InvariantCulture));
                break;
            case AnyValue.ValueOneofCase.BytesValue:
                writer.WriteStringValue(value!.BytesValue.ToBase64());
                break;
            case AnyValue.ValueOneofCase.ArrayValue:
                writer.WriteStartArray();
                foreach (var item in value!.ArrayValue.Values)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                WriteObject(writer, value!.KvlistValue.Values);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>A log body: strings stay as they are, anything structured becomes its JSON text.</summary>
    public static string? ToText(AnyValue? value) => value?.ValueCase switch
    {
        null or AnyValue.ValueOneofCase.None => null,
        AnyValue.ValueOneofCase.StringValue => PostgresText.Sanitize(value.StringValue),
        _ => Write(writer => WriteValue(writer, value)),
    };
}
