using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Resource;

namespace Jewelry.Dashboard.Otlp.Decoding;

internal static class ResourceDecoder
{
    public const string ServiceNameKey = "service.name";
    public const string ServiceInstanceIdKey = "service.instance.id";

    /// <summary>The OpenTelemetry specification's name for a service that did not set one.</summary>
    public const string UnknownServiceName = "unknown_service";

    public static ResourceRecord Decode(Resource? resource)
    {
        var attributes = resource?.Attributes ?? [];
        // Sorted so the same resource always hashes to the same id, whatever order its SDK sent.
        var sorted = new Google.Protobuf.Collections.RepeatedField<KeyValue>();
        sorted.AddRange(attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
        var json = AttributeJson.Write(sorted);
        var dropped = (int)(resource?.DroppedAttributesCount ?? 0);

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        var id = BinaryPrimitives.ReadInt64LittleEndian(hash);

        var serviceName = FindString(attributes, ServiceNameKey) ?? UnknownServiceName;
        return new ResourceRecord(id, serviceName, FindString(attributes, ServiceInstanceIdKey), json, dropped);
    }

    public static ScopeRecord DecodeScope(InstrumentationScope? scope) => new(
        PostgresText.Sanitize(scope?.Name ?? string.Empty),
        scope is null ? null : PostgresText.SanitizeOrNull(scope.Version),
        scope is null || scope.Attributes.Count == 0 ? null : AttributeJson.Write(scope.Attributes));

    private static string? FindString(IEnumerable<KeyValue> attributes, string key)
    {
        var value = attributes.LastOrDefault(a => a.Key == key)?.Value;
        return value?.ValueCase == AnyValue.ValueOneofCase.StringValue && value.StringValue.Length > 0
            ? PostgresText.Sanitize(value.StringValue)
            : null;
    }
}
