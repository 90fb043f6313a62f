using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// The alerts and the webhook calls owed, in the telemetry store. One evaluation's changes and the notifications they
/// owe are written in one transaction, so an alert that fired is announced exactly when its row says it fires.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource)
{
    public const int MaxListed = 200;

    private const long EvaluationLockKey = 0x4A_41_6C_65_72_74; // "JAlert"

    private const string AlertColumns = "fingerprint, rule, kind, labels::text, annotations::text, state, starts_at, ends_at, value, orders, evaluated_at";

    /// <summary>
    /// Applies one evaluation: refreshes the firing alerts still raised, fires the new ones, resolves the others, and
    /// queues <paramref name="notificationsFor"/> each that fired or resolved. Resolved alerts and delivered calls
    /// older than <paramref name="keepUntil"/> go.
    /// </summary>
    public async Task<AlertChanges> ApplyAsync(
        IReadOnlyList<EvaluatedAlert> evaluated,
        DateTimeOffset now,
        DateTimeOffset keepUntil,
        Func<StoredAlert, IEnumerable<AlertNotification>> notificationsFor,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({EvaluationLockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var firing = new Dictionary<string, StoredAlert>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand($"SELECT {AlertColumns} FROM alerts WHERE state = 'Firing'", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var alert = ReadAlert(reader);
                firing[alert.Fingerprint] = alert;
            }
        }

        var changes = AlertTransitions.Plan(firing, evaluated, now);
        foreach (var row in changes.Rows)
        {
            await UpsertAsync(connection, transaction, row, cancellationToken);
        }

        foreach (var notification in changes.Fired.Concat(changes.Resolved).SelectMany(notificationsFor))
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO alert_notifications (fingerprint, receiver, state, starts_at, payload, created_at, next_attempt_at)
                VALUES (@fingerprint, @receiver, @state, @startsAt, @payload, @now, @now)
                ON CONFLICT (fingerprint, receiver, state, starts_at) DO NOTHING
                """,
                connection,
                transaction);
            insert.Parameters.AddWithValue("fingerprint", notification.Fingerprint);
            insert.Parameters.AddWithValue("receiver", notification.Receiver);
            insert.Parameters.AddWithValue("state", notification.State.ToString());
            insert.Parameters.AddWithValue("startsAt", notification.StartsAt);
            insert.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, notification.Payload);
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var prune = new NpgsqlCommand(
            """
            DELETE FROM alerts WHERE state = 'Resolved' AND ends_at < @keepUntil;
            DELETE FROM alert_notifications WHERE delivered_at IS NOT NULL AND created_at < @keepUntil;
            """,
            connection,
            transaction))
        {
            prune.Parameters.AddWithValue("keepUntil", keepUntil);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changes;
    }

    /// <summary>Firing alerts first (newest first), then resolved ones (most recently resolved first), with their deliveries.</summary>
    public async Task<IReadOnlyList<AlertView>> ListAsync(AlertState? state, bool orderAlertsOnly, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {AlertColumns} FROM alerts
            WHERE (@state::text IS NULL OR state = @state) AND (NOT @orderAlertsOnly OR kind = ANY(@orderKinds))
            ORDER BY state = 'Firing' DESC, coalesce(ends_at, starts_at) DESC, fingerprint
            LIMIT {MaxListed}
            """,
            connection);
        command.Parameters.AddWithValue("state", NpgsqlDbType.Text, (object?)state?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("orderAlertsOnly", orderAlertsOnly);
        command.Parameters.AddWithValue("orderKinds", Enum.GetValues<AlertKind>().Where(AlertKinds.IsOrderAlert).Select(kind => kind.ToString()).ToArray());
        var alerts = new List<StoredAlert>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                alerts.Add(ReadAlert(reader));
            }
        }

        var deliveries = await DeliveriesAsync(connection, alerts, cancellationToken);
        return alerts.Select(alert => AlertView.From(alert, deliveries.GetValueOrDefault(alert.Fingerprint) ?? [])).ToList();
    }

    /// <summary>
    /// The receiver's undelivered calls that are due, oldest first. Order is kept per alert (a resolution is never sent
    /// before its firing), not per receiver: one alert waiting for its retry does not hold back the other alerts.
    /// </summary>
    public async Task<IReadOnlyList<PendingNotification>> PendingAsync(
        string receiver, DateTimeOffset now, IReadOnlySet<string> busy, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT id, fingerprint, state, payload::text, attempts, next_attempt_at FROM alert_notifications
            WHERE receiver = @receiver AND delivered_at IS NULL
            ORDER BY id
            """,
            connection);
        command.Parameters.AddWithValue("receiver", receiver);
        var pending = new List<PendingNotification>();
        var waiting = new HashSet<string>(busy, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (pending.Count < limit && await reader.ReadAsync(cancellationToken))
        {
            // A call not yet due, or an alert whose calls are in flight, keeps that alert's later calls back, and only those.
            var fingerprint = reader.GetString(1);
            if (reader.GetFieldValue<DateTimeOffset>(5) > now || waiting.Contains(fingerprint))
            {
                waiting.Add(fingerprint);
                continue;
            }

            pending.Add(new PendingNotification(reader.GetInt64(0), fingerprint, Enum.Parse<AlertState>(reader.GetString(2)), reader.GetString(3), reader.GetInt32(4)));
        }

        return pending;
    }

    public async Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE alert_notifications SET delivered_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE alert_notifications SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("next", nextAttemptAt);
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, List<AlertDelivery>>> DeliveriesAsync(NpgsqlConnection connection, List<StoredAlert> alerts, CancellationToken cancellationToken)
    {
        var deliveries = new Dictionary<string, List<AlertDelivery>>(StringComparer.Ordinal);
        if (alerts.Count == 0)
        {
            return deliveries;
        }

        // Only the calls of the alert's current firing (and its resolution), not those of earlier ones.
        await using var command = new NpgsqlCommand(
            """
            SELECT n.fingerprint, n.receiver, n.state, n.attempts, n.delivered_at, n.next_attempt_at, n.last_error
            FROM alert_notifications n
            JOIN unnest(@fingerprints::text[], @starts::timestamptz[]) AS a(fingerprint, starts_at)
              ON a.fingerprint = n.fingerprint AND a.starts_at = n.starts_at
            ORDER BY n.id
            """,
            connection);
        command.Parameters.AddWithValue("fingerprints", alerts.Select(alert => alert.Fingerprint).ToArray());
        command.Parameters.AddWithValue("starts", alerts.Select(alert => alert.StartsAt).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var fingerprint = reader.GetString(0);
            if (!deliveries.TryGetValue(fingerprint, out var list))
            {
                deliveries[fingerprint] = list = [];
            }

            list.Add(new AlertDelivery(
                reader.GetString(1),
                Enum.Parse<AlertState>(reader.GetString(2)),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return deliveries;
    }

    private static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredAlert alert, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO alerts (fingerprint, rule, kind, labels, annotations, state, starts_at, ends_at, value, orders, evaluated_at)
            VALUES (@fingerprint, @rule, @kind, @labels, @annotations, @state, @startsAt, @endsAt, @value, @orders, @evaluatedAt)
            ON CONFLICT (fingerprint) DO UPDATE SET
                rule = excluded.rule, kind = excluded.kind, labels = excluded.labels, annotations = excluded.annotations,
                state = excluded.state, starts_at = excluded.starts_at, ends_at = excluded.ends_at, value = excluded.value,
                orders = excluded.orders, evaluated_at = excluded.evaluated_at
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("fingerprint", alert.Fingerprint);
        command.Parameters.AddWithValue("rule", alert.Rule);
        command.Parameters.AddWithValue("kind", alert.Kind.ToString());
        command.Parameters.AddWithValue("labels", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(alert.Labels));
        command.Parameters.AddWithValue("annotations", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(alert.Annotations));
        command.Parameters.AddWithValue("state", alert.State.ToString());
        command.Parameters.AddWithValue("startsAt", alert.StartsAt);
        command.Parameters.AddWithValue("endsAt", NpgsqlDbType.TimestampTz, (object?)alert.EndsAt ?? DBNull.Value);
        command.Parameters.AddWithValue("value", double.IsFinite(alert.Value) ? alert.Value : 0);
        command.Parameters.AddWithValue("orders", alert.Orders.ToArray());
        command.Parameters.AddWithValue("evaluatedAt", alert.EvaluatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StoredAlert ReadAlert(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Enum.Parse<AlertKind>(reader.GetString(2)),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [],
        Enum.Parse<AlertState>(reader.GetString(5)),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetDouble(8),
        reader.GetFieldValue<string[]>(9),
        reader.GetFieldValue<DateTimeOffset>(10));
}
