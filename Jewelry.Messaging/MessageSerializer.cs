using System.Text.Json;

namespace Jewelry.Messaging;

/// <summary>One JSON shape for every message, on the wire and in the outbox.</summary>
public static class MessageSerializer
{
    // A message missing a field, or with null where the contract says never, is malformed: refuse it rather than guess.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize<TMessage>(TMessage message) => JsonSerializer.Serialize(message, Options);

    public static object? Deserialize(ReadOnlySpan<byte> body, Type messageType) => JsonSerializer.Deserialize(body, messageType, Options);

    /// <summary>The AMQP type property: the contract's name, stable across namespaces.</summary>
    public static string TypeName(Type messageType) => messageType.Name;
}
