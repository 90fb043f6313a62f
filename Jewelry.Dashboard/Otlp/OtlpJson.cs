using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Google.Protobuf;

namespace Jewelry.Dashboard.Otlp;

/// <summary>
/// OTLP/JSON is the proto3 JSON mapping with one exception: trace and span ids are hex, not base64.
/// The body is rewritten (ids to base64) in one streaming pass, then parsed by Google.Protobuf.
/// </summary>
internal static class OtlpJson
{
    private static readonly JsonParser _parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static readonly HashSet<string> _idPropertyNames =
        ["traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id"];

    public static T Parse<T>(ReadOnlySpan<byte> utf8Json)
        where T : IMessage, new()
    {
        // JSON is UTF-8 (RFC 8259); decoding invalid bytes would turn them into U+FFFD and accept the body.
        if (!Utf8.IsValid(utf8Json))
        {
            throw new OtlpFormatException("The body is not valid UTF-8 JSON.");
        }

        try
        {
            return _parser.Parse<T>(ConvertHexIds(utf8Json));
        }
        catch (Exception exception) when (exception is JsonException or InvalidProtocolBufferException or InvalidJsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new OtlpFormatException($"The body is not valid OTLP JSON: {exception.Message}", exception);
        }
    }

    private static string ConvertHexIds(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var output = new ArrayBufferWriter<byte>(utf8Json.Length + 64);
        using (var writer = new Utf8JsonWriter(output))
        {
            string? propertyName = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        propertyName = reader.GetString();
                        writer.WritePropertyName(propertyName!);
                        continue;
                    case JsonTokenType.String when propertyName is not null && _idPropertyNames.Contains(propertyName):
                        writer.WriteStringValue(HexToBase64(reader.GetString()!, propertyName));
                        break;
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    case JsonTokenType.String:
                        WriteRawString(writer, reader.ValueSpan);
                        break;
                    case JsonTokenType.Number:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        writer.WriteBooleanValue(reader.GetBoolean());
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }

                propertyName = null;
            }
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Copies a string token as it was written, escapes included.</summary>
    private static void WriteRawString(Utf8JsonWriter writer, ReadOnlySpan<byte> escapedValue)
    {
        var quoted = new byte[escapedValue.Length + 2];
        quoted[0] = (byte)'"';
        escapedValue.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        writer.WriteRawValue(quoted, skipInputValidation: true);
    }

    private static string HexToBase64(string hex, string propertyName)
    {
        if (hex.Length == 0)
        {
            return hex;
        }

        try
        {
            return Convert.ToBase64String(Convert.FromHexString(hex));
        }
        catch (FormatException exception)
        {
            throw new OtlpFormatException($"'{propertyName}' must be a hex string, got '{hex}'.", exception);
        }
    }
}
