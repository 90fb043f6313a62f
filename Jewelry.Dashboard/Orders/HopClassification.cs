using System.Text.Json;

namespace Jewelry.Dashboard.Orders;

/// <summary>
/// Tells hops apart by the semantic-convention attributes the services set, the same way in C# (one span)
/// and in SQL (aggregates over many): the two must agree, and a unit test holds them together.
/// </summary>
public static class HopClassification
{
    public const string OrderIdAttribute = "order.id";
    public const string StatusToAttribute = "order.status.to";
    public const string StatusFromAttribute = "order.status.from";

    public static HopKind Classify(JsonElement attributes)
    {
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return HopKind.Internal;
        }

        if (attributes.TryGetProperty(StatusToAttribute, out _))
        {
            return HopKind.Status;
        }

        if (attributes.TryGetProperty("messaging.system", out _))
        {
            return HopKind.Queue;
        }

        if (attributes.TryGetProperty("db.system.name", out _) || attributes.TryGetProperty("db.system", out _))
        {
            return HopKind.Database;
        }

        if (attributes.TryGetProperty("rpc.service", out var service) && service.ValueKind == JsonValueKind.String && service.GetString() == "S3")
        {
            return HopKind.Store;
        }

        return attributes.TryGetProperty("http.request.method", out _) ? HopKind.Http : HopKind.Internal;
    }

    /// <summary>A SQL expression giving the lower-case <see cref="HopKind"/> name of the span aliased <paramref name="span"/>.</summary>
    public static string SqlExpression(string span) => $"""
        CASE
            WHEN {span}.attributes ? '{StatusToAttribute}' THEN 'status'
            WHEN {span}.attributes ? 'messaging.system' THEN 'queue'
            WHEN {span}.attributes ? 'db.system.name' OR {span}.attributes ? 'db.system' THEN 'database'
            WHEN {span}.attributes @> '{"{"}"rpc.service": "S3"{"}"}' THEN 'store'
            WHEN {span}.attributes ? 'http.request.method' THEN 'http'
            ELSE 'internal'
        END
        """;

    public static HopKind Parse(string sqlName) => Enum.Parse<HopKind>(sqlName, ignoreCase: true);
}
