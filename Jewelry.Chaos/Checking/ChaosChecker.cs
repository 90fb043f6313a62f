using Jewelry.Contracts.Orders;
using Npgsql;

namespace Jewelry.Chaos.Checking;

/// <summary>
/// Reads what the stores say of each order after a run (shopdb, mesdb, the broker, the telemetry store) and has
/// <see cref="OrderClassifier"/> judge it.
/// </summary>
public sealed class ChaosChecker(StackConnections connections)
{
    private static readonly IReadOnlyDictionary<string, int> s_none = new Dictionary<string, int>();

    public async Task<CheckResult> CheckAsync(IReadOnlyList<CheckedOrder> orders, IReadOnlyList<Kill> kills, CancellationToken cancellationToken)
    {
        var ids = orders.Select(o => o.OrderId).ToArray();
        var shop = await ReadShopAsync(ids, cancellationToken);
        var mes = await ReadMesAsync(ids, cancellationToken);
        var spans = await ReadSpansAsync(ids, cancellationToken);
        var broker = await BrokerInspector.ReadAsync(connections.Messaging, cancellationToken);
        var letters = broker.DeadLetters.Where(d => d.OrderId is not null).ToLookup(d => d.OrderId!.Value);

        var verdicts = orders.Select(order =>
        {
            shop.Orders.TryGetValue(order.OrderId, out var row);
            return OrderClassifier.Classify(new OrderEvidence(
                order.OrderId,
                order.ExpectedStatus,
                row.Status,
                row.FailureReason,
                shop.History[order.OrderId].ToList(),
                mes.Priced.GetValueOrDefault(order.OrderId).Count,
                mes.Priced.GetValueOrDefault(order.OrderId).At,
                mes.ProductionOrders.GetValueOrDefault(order.OrderId).Count,
                mes.ProductionOrders.GetValueOrDefault(order.OrderId).At,
                mes.Outbox.GetValueOrDefault(order.OrderId) ?? s_none,
                shop.Outbox.GetValueOrDefault(order.OrderId) ?? s_none,
                mes.Stages[order.OrderId].ToList(),
                letters[order.OrderId].ToList(),
                spans[order.OrderId].ToList(),
                order.ClientFailure), kills);
        }).ToList();
        return new CheckResult(verdicts, broker, shop.Unsent, mes.Unsent);
    }

    /// <summary>Orders whose price-calculation chain is not stored yet: the services export every second, the checker waits for them.</summary>
    public async Task<int> CountWithoutPricedTransitionAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var spans = await ReadSpansAsync([.. ids], cancellationToken);
        return ids.Count(id => !spans[id].Any(s => s.StatusTo == OrderStatus.PriceCalculated.ToName()));
    }

    private async Task<ShopRows> ReadShopAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connections.ShopDb, cancellationToken);
        var orders = new Dictionary<Guid, (string? Status, string? FailureReason)>();
        await foreach (var reader in QueryAsync(connection, "SELECT id, status, failure_reason FROM orders WHERE id = ANY(@ids)", ids, cancellationToken))
        {
            orders[reader.GetGuid(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        var history = new List<(Guid, StatusChange)>();
        await foreach (var reader in QueryAsync(connection, "SELECT order_id, from_status, to_status, changed_at, source FROM order_status_history WHERE order_id = ANY(@ids) ORDER BY order_id, id", ids, cancellationToken))
        {
            history.Add((reader.GetGuid(0), new StatusChange(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4))));
        }

        return new ShopRows(orders, history.ToLookup(h => h.Item1, h => h.Item2), await OutboxAsync(connection, ids, cancellationToken), await UnsentAsync(connection, cancellationToken));
    }

    private async Task<MesRows> ReadMesAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connections.MesDb, cancellationToken);
        var priced = new Dictionary<Guid, (int Count, DateTimeOffset? At)>();
        await foreach (var reader in QueryAsync(connection, "SELECT order_id, count(*), max(calculated_at) FROM price_calculations WHERE order_id = ANY(@ids) AND price IS NOT NULL GROUP BY order_id", ids, cancellationToken))
        {
            priced[reader.GetGuid(0)] = ((int)reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        var production = new Dictionary<Guid, (int Count, DateTimeOffset? At)>();
        await foreach (var reader in QueryAsync(connection, "SELECT order_id, count(*), max(created_at) FROM production_orders WHERE order_id = ANY(@ids) GROUP BY order_id", ids, cancellationToken))
        {
            production[reader.GetGuid(0)] = ((int)reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        var stages = new List<(Guid, string)>();
        await foreach (var reader in QueryAsync(connection,
            "SELECT p.order_id, s.stage FROM production_steps s JOIN production_orders p ON p.id = s.production_order_id WHERE p.order_id = ANY(@ids)", ids, cancellationToken))
        {
            stages.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return new MesRows(priced, production, stages.ToLookup(s => s.Item1, s => s.Item2), await OutboxAsync(connection, ids, cancellationToken), await UnsentAsync(connection, cancellationToken));
    }

    private async Task<ILookup<Guid, TransitionSpan>> ReadSpansAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connections.TelemetryDb, cancellationToken);
        var spans = new List<(Guid, TransitionSpan)>();
        // Only the spans the chain check looks at: transitions, message processing and the Shop's submit.
        await foreach (var reader in QueryAsync(connection,
            """
            SELECT attributes->>'order.id', encode(trace_id, 'hex'), service_name, name,
                   attributes->>'order.status.to', attributes->>'messaging.rabbitmq.queue', attributes->>'http.route'
            FROM spans
            WHERE attributes->>'order.id' = ANY(@ids)
              AND (attributes ? 'order.status.to' OR attributes ? 'messaging.rabbitmq.queue' OR attributes->>'http.route' = @route)
            """,
            [.. ids.Select(id => id.ToString())], cancellationToken, ("route", OrderClassifier.SubmitRoute)))
        {
            if (Guid.TryParse(reader.GetString(0), out var id))
            {
                spans.Add((id, new TransitionSpan(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6))));
            }
        }

        return spans.ToLookup(s => s.Item1, s => s.Item2);
    }

    private static async Task<Dictionary<Guid, IReadOnlyDictionary<string, int>>> OutboxAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken)
    {
        var rows = new List<(Guid Order, string Key, int Count)>();
        await foreach (var reader in QueryAsync(connection, "SELECT order_id, routing_key, count(*) FROM outbox_messages WHERE order_id = ANY(@ids) GROUP BY order_id, routing_key", ids, cancellationToken))
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1), (int)reader.GetInt64(2)));
        }

        return rows.GroupBy(r => r.Order).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal));
    }

    private static async Task<long> UnsentAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async IAsyncEnumerable<NpgsqlDataReader> QueryAsync<T>(
        NpgsqlConnection connection, string sql, T[] ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader;
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Pooling off: the run kills PostgreSQL, and a pooled connection from before the kill is dead.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private sealed record ShopRows(
        Dictionary<Guid, (string? Status, string? FailureReason)> Orders, ILookup<Guid, StatusChange> History, Dictionary<Guid, IReadOnlyDictionary<string, int>> Outbox, long Unsent);

    private sealed record MesRows(
        Dictionary<Guid, (int Count, DateTimeOffset? At)> Priced, Dictionary<Guid, (int Count, DateTimeOffset? At)> ProductionOrders, ILookup<Guid, string> Stages, Dictionary<Guid, IReadOnlyDictionary<string, int>> Outbox, long Unsent);
}
